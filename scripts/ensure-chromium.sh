#!/usr/bin/env bash
# Tests and story tests run in real Chromium. Test tools can't download their own browser here,
# so use the one named by CHROME_PATH, else Debian's, installing it when we can (as root).
set -euo pipefail
if [ -n "${CHROME_PATH:-}" ]; then
  [ -x "$CHROME_PATH" ] && exit 0
  echo "CHROME_PATH=$CHROME_PATH is not an executable browser." >&2
  exit 1
fi
command -v chromium >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "No Chromium found. Install it (Debian: sudo apt-get install chromium) or set CHROME_PATH to a Chrome/Chromium binary." >&2
exit 1
