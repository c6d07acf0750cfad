#!/usr/bin/env bash
# Runs `npm test` N times from a fresh clone of the committed HEAD and reports pass or fail per run:
# the proof that the browser tests are stable, not just lucky once. A flaky test shows up as one red
# run in N; its log is kept.
#
#   scripts/repeat-tests.sh N [--fresh] [--max-minutes M]
#
#   N                how many runs (default 5)
#   --fresh          clone and `npm ci` again before every run (slower; the closest to CI)
#   --max-minutes M  start no new run after M minutes (a run already started finishes)
#
# By default the clone and its `npm ci` are made once, and every run starts from a clean tree
# (`git clean -xdf`, keeping node_modules). Uncommitted changes are not tested: commit first.
set -euo pipefail

runs=5
fresh=false
max_minutes=0
while [ $# -gt 0 ]; do
  case "$1" in
    --fresh) fresh=true ;;
    --max-minutes) max_minutes="$2"; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) runs="$1" ;;
  esac
  shift
done
case "$runs" in ''|*[!0-9]*) echo "N must be a number of runs, got: $runs" >&2; exit 2 ;; esac

source_repo="$(git rev-parse --path-format=absolute --git-common-dir)"
commit="$(git rev-parse HEAD)"
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  echo "note: uncommitted changes are not part of the runs (testing $commit)" >&2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/repeat-tests.XXXXXX")"
started_at=$(date +%s)
echo "Testing ${commit:0:12} in $work, $runs run(s)$($fresh && echo ', fresh clone each')"

prepare() {
  rm -rf "$work/repo"
  git clone --quiet --no-checkout "$source_repo" "$work/repo"
  git -C "$work/repo" checkout --quiet --detach "$commit"
  (cd "$work/repo" && npm ci --no-audit --no-fund --loglevel=error >"$work/npm-ci.log" 2>&1) || {
    echo "npm ci failed: see $work/npm-ci.log" >&2
    exit 1
  }
}

prepare
passed=0
failed=0
done_runs=0
summary=()
for i in $(seq 1 "$runs"); do
  if [ "$max_minutes" -gt 0 ] && [ $(( $(date +%s) - started_at )) -ge $(( max_minutes * 60 )) ]; then
    echo "Stopping: --max-minutes $max_minutes reached before run $i."
    break
  fi
  if $fresh && [ "$i" -gt 1 ]; then prepare; fi
  git -C "$work/repo" clean -xdfq -e node_modules
  log="$work/run-$i.log"
  t0=$(date +%s)
  if (cd "$work/repo" && npm test >"$log" 2>&1); then status=PASS; passed=$((passed + 1)); else status=FAIL; failed=$((failed + 1)); fi
  done_runs=$((done_runs + 1))
  counts="$(grep -a -o 'tests: [0-9]* passed, [0-9]* failed, [0-9]* skipped' "$log" | tail -1 || true)"
  line="run $i: $status in $(( $(date +%s) - t0 )) s (${counts:-no count: see $log}) $(date -u +%H:%M:%S) UTC"
  echo "$line"
  summary+=("$line")
  if [ "$status" = FAIL ]; then
    # The failing tests' names and first lines, straight from the log.
    grep -a -A3 '❌' "$log" | head -20 | sed 's/^/    /' || true
  fi
done

echo "----"
printf '%s\n' "${summary[@]}"
echo "$passed of $done_runs runs passed ($failed failed) for ${commit:0:12}."
if [ "$failed" -eq 0 ]; then
  rm -rf "$work"
else
  rm -rf "$work/repo"
  echo "Logs kept in $work"
  exit 1
fi
