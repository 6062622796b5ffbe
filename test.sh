#!/usr/bin/env bash
# Runs every test of E-hälsostödet and ends with one summary line:
#   Tests: N passed, N failed, N skipped
# It installs and starts what the tests need itself, so it works on a fresh Debian machine
# with the .NET SDK. Exit status is non-zero when anything fails.
set -uo pipefail
cd "$(dirname "$0")"
started=$(date +%s)

# The export tests read PDFs back with poppler (pdftotext, pdfinfo, pdftoppm) and decode QR codes
# with zbar; the PDF export itself embeds the DejaVu fonts.
if ! command -v pdftotext >/dev/null || ! command -v zbarimg >/dev/null || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  apt-get update && apt-get install -y --no-install-recommends poppler-utils zbar-tools fonts-dejavu-core
fi

# Browser tests: Playwright drives Debian's Chromium (never a browser of its own), and the
# accessibility scans inject axe-core, pinned in the tests' package-lock.json.
if [ ! -x /usr/bin/chromium ]; then
  apt-get update && apt-get install -y --no-install-recommends chromium
fi
if [ ! -d EHalsostodet.Tests/Browser/axe/node_modules ]; then
  (cd EHalsostodet.Tests/Browser/axe && npm ci --no-audit --no-fund)
fi

# The suite runs twice: on the embedded SQLite database and on a PostgreSQL server that this
# script starts (as the postgres user) and stops again. The two-instance tests on PostgreSQL also
# share a throwaway Redis for the output cache.
source scripts/test-postgres.sh
source scripts/test-redis.sh
trap 'stop_test_redis; stop_test_postgres' EXIT
if ! start_test_postgres; then
  echo "PostgreSQL kunde inte startas för testerna." >&2
  echo "Tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi
if ! start_test_redis; then
  echo "Redis kunde inte startas för testerna." >&2
  echo "Tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

results="TestResults"
rm -rf "$results"

# Without write-xor-execute the runtime writes compiled code straight into executable memory instead of
# through a second mapping: a test process compiles a lot (each portal's queries, views and services),
# and this saves 5-10 % of its processor time. It is a hardening for production, not something the tests check.
export DOTNET_EnableWriteXorExecute=0

# The two providers run at the same time, each in its own test process with its own trx and log
# (printed one after the other when both have ended); within each, test classes run in parallel.
# Classes that never touch the database (category DatabaseNotUsed) run once, in the SQLite run.
run_suite() {
  local provider=$1 filter=$2
  mkdir -p "$results/$provider"
  EHALSOSTODET_TEST_DATABASE=$provider dotnet test EHalsostodet.sln --configuration Release --no-build \
    --filter "$filter" \
    --logger "trx;LogFileName=tests-$provider.trx" --logger "console;verbosity=normal" \
    --results-directory "$results/$provider" >"$results/$provider.log" 2>&1
}

dotnet build EHalsostodet.sln --configuration Release
status=$?
if [ "$status" -eq 0 ]; then
  run_suite Sqlite "TestCategory!=PostgresOnly" &
  sqlite_run=$!
  run_suite Postgres "TestCategory!=SqliteOnly&TestCategory!=DatabaseNotUsed" &
  postgres_run=$!
  wait "$sqlite_run"
  sqlite_status=$?
  wait "$postgres_run"
  postgres_status=$?
  for provider in Sqlite Postgres; do
    echo "== The test suite on $provider =="
    cat "$results/$provider.log"
  done
  [ "$sqlite_status" -ne 0 ] && status=$sqlite_status
  [ "$postgres_status" -ne 0 ] && status=$postgres_status
fi

passed=0; failed=0; skipped=0
for trx in $(find "$results" -name '*.trx' 2>/dev/null); do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted) + $(value inconclusive)))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or the test host failed before any test could report.
  failed=1
  echo "dotnet test ended with status $status before every test could report." >&2
fi
if [ $((passed + failed)) -eq 0 ]; then
  echo "No test was run." >&2
  status=1
fi

# CI shows only the end of the output: name every failed test and the start of its message here.
for trx in $(find "$results" -name '*.trx' 2>/dev/null); do
  awk -v provider="$(basename "$(dirname "$trx")")" '
    /<UnitTestResult / && /outcome="Failed"/ { match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); failed = 1; next }
    failed && /<Message>/ { line = $0; sub(/.*<Message>/, "", line); sub(/<\/Message>.*/, "", line); printf "FAILED (%s) %s: %s\n", provider, name, substr(line, 1, 400); failed = 0 }
    /<\/UnitTestResult>/ { if (failed) printf "FAILED (%s) %s\n", provider, name; failed = 0 }
  ' "$trx"
done

elapsed=$(( $(date +%s) - started ))
echo "Wall time: $((elapsed / 60)) min $((elapsed % 60)) s"
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
