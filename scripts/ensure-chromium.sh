#!/usr/bin/env bash
# Tests and story tests run in real Chromium: the one named by CHROME_PATH, else Debian's, installed
# when missing and we can (as root). scripts/ensure-engines.sh does it for every engine.
exec bash "$(dirname "$0")/ensure-engines.sh" chromium
