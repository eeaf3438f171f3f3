#!/usr/bin/env bash
# The web pages' end-to-end tests in a real, headless Chromium (Debian's package, driven by
# playwright-core: no browser download) against a running platform, through its gateway:
# portal search, data page, archivist console, axe-core accessibility checks. Screenshots go to
# docs/screenshots/. Installs chromium with apt-get when missing (as root), like the rest.
#   scripts/browser-tests.sh [gateway-url]
source "$(dirname "$0")/lib/common.sh"
G="${1:-http://localhost:$GATEWAY_PORT}"

command -v chromium >/dev/null || apt_install chromium chromium-driver
# a Chinese font, so that the screenshots show characters rather than boxes
fc-list 2>/dev/null | grep -qiE 'wqy|cjk|droid sans fallback' || apt_install fonts-wqy-microhei
command -v npm >/dev/null || apt_install nodejs npm
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' \
  || die "the web module needs Node.js 20.19 or newer (found $(node -v))"
ensure_local_secrets >/dev/null

cd "$ROOT_DIR/web"
# the Maven build ran npm ci already; a fresh clone without it gets the pinned packages here
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund >/dev/null
log "browser tests against $G (Chromium $(chromium --version 2>/dev/null | awk '{print $2}'))"
E2E_BASE_URL="$G" CHROMIUM_PATH="$(command -v chromium)" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm run --silent e2e
