#!/usr/bin/env bash
# Lints the OpenAPI specs of the three services, the gateway and platform-common's shared fragment with Spectral + the OWASP API security ruleset.
# Fails on any error; warnings are printed. Versions are pinned in tools/spectral/package-lock.json.
source "$(dirname "$0")/lib/common.sh"

command -v npm >/dev/null || apt_install nodejs npm
SPECTRAL_DIR="$ROOT_DIR/tools/spectral"
if [ ! -x "$SPECTRAL_DIR/node_modules/.bin/spectral" ]; then
  log "installing Spectral (npm ci in tools/spectral)"
  npm ci --prefix "$SPECTRAL_DIR" --no-audit --no-fund --loglevel=error >/dev/null
fi
log "linting OpenAPI specs with Spectral + OWASP ruleset"
"$SPECTRAL_DIR/node_modules/.bin/spectral" lint --fail-severity=error \
  --ruleset "$SPECTRAL_DIR/.spectral.yaml" \
  "$ROOT_DIR"/{platform-common,catalog-service,search-service,archive-service,gateway}/src/main/openapi/*.yaml "$@"
