#!/usr/bin/env bash
# Load test and soak of the real portal, served from one process on a seeded database.
#
#   scripts/load/run.sh [options]
#
# Builds the portal and the benchmark tool (Release), makes a database with the seed content and
# N synthetic published stories (EHalsostodet.Benchmarks seed-portal; reused when it exists),
# starts the portal on it in Production on a free local port with rate limits switched off, and
# drives it with wrk:
#   1. each target at each concurrency, --duration each: requests/s, p50, p99 and errors;
#   2. a soak of mixed load for --soak-duration while the portal's RSS is sampled every 10 s.
# Writes results.md, the soak's rss.csv and the raw wrk output to the output folder, prints the
# tables, and exits non-zero on any error (non-2xx/3xx, socket errors, timeouts), when the
# portal dies, or when its memory keeps growing through the soak (see docs/benchmarks.md).
set -euo pipefail

usage() {
  cat <<'EOF'
Options:
  --stories N             synthetic stories in the database (default 10000)
  --database FILE         the database to use or make (default artifacts/load/portal-N.db)
  --reseed                make the database again even if it exists
  --duration D            wrk duration per row, e.g. 15s (default 15s)
  --connections "A B …"   concurrency levels (default "1 8 32 64")
  --timeout D             wrk request timeout; slower answers count as errors (default 10s)
  --soak-duration SEC     soak length in seconds (default 600; 0 skips the soak)
  --soak-connections N    connections during the soak (default 8)
  --rss-growth PERCENT    soak fails when the last third's peak RSS exceeds the middle third's by more (default 15)
  --skip-table            run only the soak
  --out DIR               output folder (default artifacts/load/run-YYYYmmdd-HHMMSS)
  --port N                port for the portal (default: a free one)
EOF
}

root="$(cd "$(dirname "$0")/../.." && pwd)"
script_dir="$root/scripts/load"
stories=10000
database=""
reseed=false
duration=15s
connections="1 8 32 64"
timeout=10s
soak_duration=600
soak_connections=8
rss_growth=15
skip_table=false
out=""
port=""

while [ $# -gt 0 ]; do
  case "$1" in
    --stories) stories="$2"; shift 2 ;;
    --database) database="$2"; shift 2 ;;
    --reseed) reseed=true; shift ;;
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    --soak-duration) soak_duration="$2"; shift 2 ;;
    --soak-connections) soak_connections="$2"; shift 2 ;;
    --rss-growth) rss_growth="$2"; shift 2 ;;
    --skip-table) skip_table=true; shift ;;
    --out) out="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

database="${database:-$root/artifacts/load/portal-$stories.db}"
database="$(mkdir -p "$(dirname "$database")" && cd "$(dirname "$database")" && pwd)/$(basename "$database")"
story_list="$database.stories.txt"
out="${out:-$root/artifacts/load/run-$(date -u +%Y%m%d-%H%M%S)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

if ! command -v wrk >/dev/null; then
  log "Installing wrk …"
  apt-get update && apt-get install -y --no-install-recommends wrk
fi

log "Building the benchmark tool and the portal (Release) …"
dotnet build "$root/EHalsostodet.Benchmarks" -c Release --nologo -v quiet
dotnet build "$root/EHalsostodet.Web" -c Release --nologo -v quiet
benchmarks_dll="$(ls "$root"/EHalsostodet.Benchmarks/bin/Release/net*/EHalsostodet.Benchmarks.dll | head -n 1)"
web_dll="$(ls "$root"/EHalsostodet.Web/bin/Release/net*/EHalsostodet.Web.dll | head -n 1)"

if $reseed || [ ! -f "$database" ] || [ ! -s "$story_list" ]; then
  log "Seeding $database with $stories synthetic stories …"
  dotnet "$benchmarks_dll" seed-portal --database "$database" --stories "$stories" --story-list "$story_list" --usync "$root/uSync" --replace
fi
if [ ! -s "$story_list" ]; then
  echo "$story_list lists no stories; run with --stories 1 or more." >&2
  exit 1
fi

if [ -z "$port" ]; then
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
fi
base="http://127.0.0.1:$port"

portal_pid=""
stop_portal() {
  if [ -n "$portal_pid" ] && kill -0 "$portal_pid" 2>/dev/null; then
    kill "$portal_pid"
    wait "$portal_pid" 2>/dev/null || true
  fi
}
trap stop_portal EXIT

log "Starting the portal on $base (Production, rate limits off) …"
# The content root is the project folder, as with `dotnet run`; media and mail go to the output folder.
(cd "$root/EHalsostodet.Web" && exec env ASPNETCORE_ENVIRONMENT=Production dotnet "$web_dll" \
  --urls "$base" \
  --ConnectionStrings:Sqlite="Data Source=$database" \
  --Media:Folder="$out/media" \
  --Email:PickupDirectory="$out/mail" \
  --RateLimits:Enabled=false) >"$out/portal.log" 2>&1 &
portal_pid=$!

for _ in $(seq 1 240); do
  if ! kill -0 "$portal_pid" 2>/dev/null; then
    echo "The portal stopped during start-up; see $out/portal.log:" >&2
    tail -n 30 "$out/portal.log" >&2
    exit 1
  fi
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/" || true)" = "200" ]; then
    break
  fi
  sleep 1
done
if [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/" || true)" != "200" ]; then
  echo "The portal did not answer 200 on / within 4 minutes; see $out/portal.log." >&2
  exit 1
fi

rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$portal_pid/status"; }
load1() { cut -d ' ' -f 1 /proc/loadavg; }

hz="$(getconf CLK_TCK)"
# The portal's CPU time so far (user + system), in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$portal_pid/stat"; }
# CPU milliseconds per request between two cpu_ticks readings: unlike latency, barely changed by
# what else the machine runs.
cpu_ms_per_request() { awk -v ticks="$(($2 - $1))" -v hz="$hz" -v n="$3" 'BEGIN { if (n > 0) printf "%.1f", 1000 * ticks / hz / n; else print "–" }'; }

# Waits (at most a minute) until the portal uses under a fifth of a core: requests that wrk gave up
# on when a row ended may still be running, and would slow the next row down.
settle() {
  local before after
  for _ in $(seq 1 60); do
    before="$(cpu_ticks)"
    sleep 1
    after="$(cpu_ticks)"
    if [ $((after - before)) -le $((hz / 5)) ]; then
      return
    fi
  done
  log "The portal was still busy after a minute; going on."
}

# The path files wrk draws from (paths.lua): one path a line.
paths="$out/paths"
mkdir -p "$paths"
echo "/" >"$paths/start.txt"
sed 's|^|/berattelser/|' "$story_list" >"$paths/story.txt"
while IFS= read -r word; do
  [ -n "$word" ] && printf '/sok?q=%s\n' "$(printf '%s' "$word" | jq -sRr @uri)"
done <"$script_dir/search-words.txt" >"$paths/search.txt"
# The same words on result pages 1 to 1000: 10,000 different searches, so nearly every request
# misses the portal's cache of recent results and is ranked and counted by the engine.
while IFS= read -r path; do
  for page in $(seq 1 1000); do printf '%s&sida=%d\n' "$path" "$page"; done
done <"$paths/search.txt" >"$paths/search-uncached.txt"
sed 's|$|/pdf|' "$paths/story.txt" >"$paths/pdf.txt"
head -n 1 "$paths/pdf.txt" >"$paths/pdf-cached.txt"
echo "/css/site.css" >"$paths/static.txt"
# The soak's mix, by weight: pages and searches most, some exports of 200 stories (their files
# are cached, so after the first rounds the soak measures serving them), a static file.
{
  for _ in $(seq 1 100); do cat "$paths/start.txt"; done
  head -n 1000 "$paths/story.txt"; head -n 1000 "$paths/story.txt"
  for _ in $(seq 1 30); do cat "$paths/search.txt"; done
  shuf -n 300 --random-source=<(yes) "$paths/search-uncached.txt"
  head -n 200 "$paths/pdf.txt"
  for _ in $(seq 1 100); do cat "$paths/static.txt"; done
} >"$paths/soak.txt"

for target in start story search search-uncached pdf pdf-cached static; do
  code="$(curl -s -o /dev/null -w '%{http_code}' "$base$(head -n 1 "$paths/$target.txt")")"
  if [ "$code" != "200" ]; then
    echo "$target: $(head -n 1 "$paths/$target.txt") answered $code, not 200." >&2
    exit 1
  fi
done

failed=0
results="$out/results.md"
: >"$results"

# Runs wrk once; prints "requests rps p50_ms p99_ms status_errors socket_errors timeouts".
run_wrk() {
  local name="$1" conns="$2" length="$3" threads=2
  [ "$conns" -lt 2 ] && threads=1
  LOAD_PATHS="$paths/$name.txt" wrk -t "$threads" -c "$conns" -d "$length" --timeout "$timeout" --latency \
    -s "$script_dir/paths.lua" "$base" >"$out/wrk-$name-$conns.txt" 2>&1 || true
  local line
  line="$(grep '^RESULT ' "$out/wrk-$name-$conns.txt" | tail -n 1)"
  if [ -z "$line" ]; then
    echo "wrk did not report for $name at $conns connections; see $out/wrk-$name-$conns.txt" >&2
    echo "0 0 0 0 1 0 0"
    return
  fi
  echo "$line" | awk '{ printf "%d %.1f %.1f %.1f %d %d %d\n", $2, $2 / ($3 / 1e6), $4 / 1000, $5 / 1000, $6, $7 + $8 + $9, $10 }'
}

describe() {
  case "$1" in
    start) echo "start page \`/\`" ;;
    story) echo "story page (random of $(wc -l <"$story_list"))" ;;
    search) echo "search \`/sok?q=…\` ($(wc -l <"$paths/search.txt") words, kept results)" ;;
    search-uncached) echo "search \`/sok?q=…&sida=N\` ($(wc -l <"$paths/search-uncached.txt") different, engine)" ;;
    pdf) echo "story PDF (random story, mostly rendered)" ;;
    pdf-cached) echo "story PDF (one story, cached)" ;;
    static) echo "static file \`/css/site.css\`" ;;
  esac
}

if ! $skip_table; then
  {
    echo "| target | conns | requests | req/s | p50 ms | p99 ms | non-2xx/3xx | socket errors | timeouts | CPU ms/req | RSS MB after |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  } | tee -a "$results"
  for target in start story search search-uncached pdf pdf-cached static; do
    for conns in $connections; do
      settle
      log "$target at $conns connections for $duration …"
      cpu_before="$(cpu_ticks)"
      read -r requests rps p50 p99 status sockets timeouts <<<"$(run_wrk "$target" "$conns" "$duration")"
      cpu_after="$(cpu_ticks 2>/dev/null || echo "$cpu_before")"
      if ! kill -0 "$portal_pid" 2>/dev/null; then
        echo "The portal died during $target at $conns connections; see $out/portal.log." >&2
        exit 1
      fi
      echo "| $(describe "$target") | $conns | $requests | $rps | $p50 | $p99 | $status | $sockets | $timeouts | $(cpu_ms_per_request "$cpu_before" "$cpu_after" "$requests") | $(rss_mb) |" | tee -a "$results"
      if [ $((status + sockets + timeouts)) -gt 0 ] || [ "$requests" -eq 0 ]; then
        failed=1
      fi
    done
  done
  printf '\n(load average after the table: %s)\n' "$(load1)" | tee -a "$results"
fi

if [ "$soak_duration" -gt 0 ]; then
  settle
  log "Soak: mixed load at $soak_connections connections for $soak_duration s, RSS every 10 s …"
  csv="$out/rss.csv"
  echo "seconds,rss_mb,load1" >"$csv"
  echo "0,$(rss_mb),$(load1)" >>"$csv"
  cpu_before="$(cpu_ticks)"
  run_wrk soak "$soak_connections" "${soak_duration}s" >"$out/soak-result.txt" &
  wrk_pid=$!
  start=$(date +%s)
  while kill -0 "$wrk_pid" 2>/dev/null; do
    sleep 10
    kill -0 "$portal_pid" 2>/dev/null || break
    echo "$(( $(date +%s) - start )),$(rss_mb),$(load1)" >>"$csv"
  done
  wait "$wrk_pid" || true
  if ! kill -0 "$portal_pid" 2>/dev/null; then
    echo "The portal died during the soak; see $out/portal.log." >&2
    exit 1
  fi
  cpu_after="$(cpu_ticks)"
  read -r requests rps p50 p99 status sockets timeouts <"$out/soak-result.txt"
  verdict="$(awk -v total="$soak_duration" -v limit="$rss_growth" -f "$script_dir/rss-verdict.awk" "$csv")"
  read -r warm peak end_rss middle last_third growth state <<<"$verdict"
  {
    echo
    echo "| soak | conns | requests | req/s | p50 ms | p99 ms | non-2xx/3xx | socket errors | timeouts | CPU ms/req |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    echo "| mixed, ${soak_duration} s | $soak_connections | $requests | $rps | $p50 | $p99 | $status | $sockets | $timeouts | $(cpu_ms_per_request "$cpu_before" "$cpu_after" "$requests") |"
    echo
    echo "| RSS MB | warm-up | peak | end | middle third's peak | last third's peak | growth | verdict |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
    echo "| portal | $warm | $peak | $end_rss | $middle | $last_third | $growth % | $state (limit $rss_growth %) |"
    echo
    echo "(load average after the soak: $(load1); samples in rss.csv)"
  } | tee -a "$results"
  if [ $((status + sockets + timeouts)) -gt 0 ] || [ "$requests" -eq 0 ] || [ "$state" != "ok" ]; then
    failed=1
  fi
fi

log "Results in $out"
if [ "$failed" -ne 0 ]; then
  echo "FAILED: errors, timeouts or growing memory; see the tables above." >&2
fi
exit "$failed"
