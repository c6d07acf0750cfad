#!/usr/bin/env bash
# Type-checks test/consumers/* (a React 19 app, a Vue 3 app, a plain TS page, a node10-resolution
# project, a Node server) against the PACKED package, as adopters get it: `npm pack`, the tarball unpacked as
# node_modules/link-account-picker of a temporary project, each fixture compiled with no declaration
# of its own; then runs the tarball's check-endpoint command. Needs `npm run build` first (the
# tarball ships dist/).
#
# The fixtures' other dependencies (react, @types/react, vue, lit…) are this repository's own
# node_modules, linked in: the check is about this package's files, and needs no network.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

if [ ! -f dist/types/link-account-picker.d.ts ] || [ ! -f dist/link-account-picker.js ]; then
  echo "check-consumer-types: dist/ is missing: run 'npm run build' first." >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
mkdir -p "$work/node_modules/link-account-picker"
tar -xzf "$work/$tarball" -C "$work/node_modules/link-account-picker" --strip-components=1
for dep in "$repo"/node_modules/* "$repo"/node_modules/.bin; do
  name=$(basename "$dep")
  [ "$name" = link-account-picker ] || ln -s "$dep" "$work/node_modules/$name"
done
cp -R test/consumers/. "$work/"

status=0
check() {
  local name=$1; shift
  if (cd "$work/$name" && "$@"); then
    echo "consumer types: $name ok"
  else
    echo "consumer types: $name FAILED (test/consumers/$name against $tarball)" >&2
    status=1
  fi
}
check react "$work/node_modules/.bin/tsc" -p tsconfig.json
check vue "$work/node_modules/.bin/vue-tsc" -p tsconfig.json
check vanilla "$work/node_modules/.bin/tsc" -p tsconfig.json
check node10 "$work/node_modules/.bin/tsc" -p tsconfig.json
check server "$work/node_modules/.bin/tsc" -p tsconfig.json

# The package's command, as the tarball ships it (bin → dist/cli/), with its imports resolved from there.
if (cd "$work" && node node_modules/link-account-picker/dist/cli/link-account-picker.js check-endpoint --help | grep -q -- '--origin'); then
  echo "consumer: the check-endpoint command runs from the tarball"
else
  echo "consumer: the check-endpoint command does not run from the tarball" >&2
  status=1
fi
# The server entry, as the tarball ships it (dist/server/), run by Node with no build step of its own.
if (cd "$work/server" && node run.mjs); then
  echo "consumer: link-account-picker/server answers a search from the tarball"
else
  echo "consumer: link-account-picker/server does not run from the tarball" >&2
  status=1
fi
exit $status
