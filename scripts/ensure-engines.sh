#!/usr/bin/env bash
# The browsers the tests run in. Test tools can't download their own browser here, so use the one an
# environment variable names, else Debian's, installing the missing packages when we can (as root).
#   chromium: chromium (or CHROME_PATH)                      npm test, story tests (scripts/ensure-chromium.sh)
#   firefox:  firefox-esr (or FIREFOX_PATH)                  npm run test:firefox
#   webkit:   webkit2gtk-driver (WebKitWebDriver, MiniBrowser) and xvfb (xvfb-run)   npm run test:webkit
# Several engines share one `apt-get update`: .ci/run calls `bash scripts/ensure-engines.sh chromium firefox webkit`.
set -euo pipefail
missing=()
for engine in "$@"; do
  case "$engine" in
    chromium)
      if [ -n "${CHROME_PATH:-}" ]; then
        [ -x "$CHROME_PATH" ] || { echo "CHROME_PATH=$CHROME_PATH is not an executable browser." >&2; exit 1; }
      elif ! command -v chromium >/dev/null 2>&1; then
        missing+=(chromium)
      fi
      ;;
    firefox)
      if [ -n "${FIREFOX_PATH:-}" ]; then
        [ -x "$FIREFOX_PATH" ] || { echo "FIREFOX_PATH=$FIREFOX_PATH is not an executable browser." >&2; exit 1; }
      elif ! command -v firefox-esr >/dev/null 2>&1; then
        missing+=(firefox-esr)
      fi
      ;;
    webkit)
      command -v WebKitWebDriver >/dev/null 2>&1 || missing+=(webkit2gtk-driver)
      command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb)
      ;;
    *)
      echo "Unknown engine '$engine' (chromium, firefox, webkit)." >&2
      exit 2
      ;;
  esac
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's ${missing[*]} for the browser tests…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "Missing for the browser tests: ${missing[*]}. Install them (Debian: sudo apt-get install ${missing[*]}), or name your own browser in CHROME_PATH / FIREFOX_PATH." >&2
exit 1
