#!/usr/bin/env bash
# Installs code-server 4.100.3 (= VS Code 1.100.3) into .vscode-test/ for the
# integration and UI tests. It is never an npm dependency of the extension:
# its postinstall only works on Node 20 and downloads ripgrep from GitHub,
# which these machines cannot reach. Idempotent: a finished install is kept.
set -euo pipefail
VERSION=4.100.3
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="${CODE_SERVER_DIR:-$root/.vscode-test/code-server-$VERSION}"
stamp="$dest/.installed"
if [ -f "$stamp" ]; then echo "code-server $VERSION already in $dest"; exit 0; fi
command -v rg >/dev/null || { echo "ripgrep (rg) is missing: apt-get install ripgrep" >&2; exit 1; }
rm -rf "$dest"; mkdir -p "$dest"; cd "$dest"
echo '{"name":"code-server-cache","private":true}' > package.json
npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION" >/dev/null
npm rebuild argon2 --build-from-source >/dev/null
vs="$dest/node_modules/code-server/lib/vscode"
cd "$vs"
npm install --no-audit --no-fund --omit=dev --ignore-scripts >/dev/null
# Rebuild native modules, all but ripgrep (its postinstall downloads a binary).
pkgs=$(node -e '
  const d = require("./package.json").dependencies || {};
  console.log(Object.keys(d).filter(n => n !== "@vscode/ripgrep").join(" "));')
npm_config_yes=true npm rebuild $pkgs >/dev/null
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
(cd extensions && npm install --no-audit --no-fund --omit=dev >/dev/null)
touch "$stamp"
echo "code-server $VERSION installed in $dest"
