#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests that run the reference data layer on a real server
# (test/node/postgres-*.test.ts run on PGlite always, and on this server when TEST_DATABASE_URL is set).
#   bash scripts/ensure-postgres.sh start   installs Debian's postgresql when missing (as root), starts a
#                                           cluster in a temp folder on 127.0.0.1:$PGTEST_PORT (trust auth,
#                                           superuser "postgres", so the tests may CREATE DATABASE and
#                                           CREATE EXTENSION), and prints its URL as the last line
#   bash scripts/ensure-postgres.sh stop    stops that server and removes its folder
# Re-runnable: `start` on a running server stops and replaces it. .ci/run starts it before `npm test`
# and stops it in a trap. Nothing here listens beyond the loopback address.
set -euo pipefail

port="${PGTEST_PORT:-54329}"
dir="${PGTEST_DIR:-${TMPDIR:-/tmp}/link-account-picker-postgres}"
database=link_account_picker

bindir() {
  local ctl
  ctl=$(ls -d /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$ctl" ]; then dirname "$ctl"; elif command -v pg_ctl >/dev/null 2>&1; then dirname "$(command -v pg_ctl)"; fi
}

# The server refuses to run as root: run its tools as the "postgres" user when we are root.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop() {
  local bin
  bin=$(bindir)
  if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

start() {
  local bin
  bin=$(bindir)
  if [ -z "$bin" ] || ! [ -x "$bin/initdb" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "Installing Debian's postgresql for the server variant of the data-layer tests…" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      # The package's own cluster (main, port 5432, started by the install) is not wanted: ours lives in a
      # temp folder and stops with the run. postgresql-common reads this before creating it.
      if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
        mkdir -p /etc/postgresql-common
        echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf
      fi
      apt-get install -y -qq -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold postgresql >/dev/null
      bin=$(bindir)
    else
      echo "No PostgreSQL server here. Install it (Debian: sudo apt-get install postgresql), or skip the server variant (leave TEST_DATABASE_URL unset)." >&2
      exit 1
    fi
  fi
  stop
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  # The socket goes into our folder too: /var/run/postgresql may not exist on a machine with no cluster.
  if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null; then
    cat "$dir/server.log" >&2
    exit 1
  fi
  as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE $database" >/dev/null
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir)." >&2
  echo "postgres://postgres@127.0.0.1:$port/$database"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "Usage: bash scripts/ensure-postgres.sh [start|stop]" >&2; exit 2 ;;
esac
