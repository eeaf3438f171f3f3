#!/usr/bin/env bash
# Stops what scripts/up.sh (or scripts/test.sh) started, by recorded PID — nothing else.
source "$(dirname "$0")/lib/common.sh"

for name in gateway catalog search archive elasticsearch redis postgres; do
  stop_recorded "$name"
done
log "stopped; data stays in $OPENDATA_HOME"
