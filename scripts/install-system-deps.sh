#!/usr/bin/env bash
# Debian packages the tests and `npm start` need: Chromium (UI tests, headless
# integration host), CJK fonts (Chinese in screenshots), Kerberos headers and
# ripgrep (code-server's offline install). Skips what is already there.
set -euo pipefail
packages=(chromium fonts-noto-cjk libkrb5-dev ripgrep)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "Debian packages already installed: ${packages[*]}"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing ${missing[*]} …"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
