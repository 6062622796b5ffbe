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
# The portal is measured as it runs in production: published for Linux, compiled ahead of time (ReadyToRun).
portal_build="$root/artifacts/load/portal"
dotnet publish "$root/EHalsostodet.Web" -c Release -r linux-x64 --self-contained false --nologo -v quiet -o "$portal_build"
benchmarks_dll="$(ls "$root"/EHalsostodet.Benchmarks/bin/Release/net*/EHalsostodet.Benchmarks.dll | head -n 1)"
web_dll="$portal_build/EHalsostodet.Web.dll"

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

# The account the signed-in rows use: the first administrator, created at start.
load_account="load-test@example.se"
load_password="Belastning-prov-2026"

portal_pid=""
stop_portal() {
  if [ -n "$portal_pid" ] && kill -0 "$portal_pid" 2>/dev/null; then
    kill "$portal_pid"
    wait "$portal_pid" 2>/dev/null || true
  fi
}
trap stop_portal EXIT

# Starts the built portal in the background on a SQLite database (Production, rate limits off);
# the content root is the published folder, as in production.
start_portal() {
  local db="$1" files="$2" log_file="$3"
  shift 3
  (cd "$portal_build" && exec env ASPNETCORE_ENVIRONMENT=Production dotnet "$web_dll" \
    --urls "$base" \
    --ConnectionStrings:Sqlite="Data Source=$db" \
    --Media:Folder="$files/media" \
    --Email:PickupDirectory="$files/mail" \
    --RateLimits:Enabled=false "$@") >"$log_file" 2>&1 &
  portal_pid=$!
}

# Waits until / answers 200 and prints the seconds since $1 (date +%s.%N); fails after 4 minutes.
wait_for_portal() {
  local started="$1" log_file="$2" code
  for _ in $(seq 1 4800); do
    if ! kill -0 "$portal_pid" 2>/dev/null; then
      echo "The portal stopped during start-up; see $log_file:" >&2
      tail -n 30 "$log_file" >&2
      return 1
    fi
    code="$(curl -s -o /dev/null -w '%{http_code}' "$base/" || true)"
    if [ "$code" = "200" ]; then
      awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'
      return 0
    fi
    sleep 0.05
  done
  echo "The portal did not answer 200 on / within 4 minutes; see $log_file." >&2
  return 1
}

# Start time: from process start to the first 200 on /, first on an empty database (migrations,
# the seed import from uSync/, the search index), then again on the database that start made.
startup="$out/startup"
rm -rf "$startup"
mkdir -p "$startup"
log "Start time: an empty database, then a restart on it …"
started="$(date +%s.%N)"
start_portal "$startup/portal.db" "$startup" "$startup/first.log"
first_start="$(wait_for_portal "$started" "$startup/first.log")" || exit 1
stop_portal
started="$(date +%s.%N)"
start_portal "$startup/portal.db" "$startup" "$startup/restart.log"
restart="$(wait_for_portal "$started" "$startup/restart.log")" || exit 1
stop_portal
log "Empty database to ready: $first_start s; restart: $restart s."

log "Starting the portal on $base (Production, rate limits off) …"
start_portal "$database" "$out" "$out/portal.log" --Bootstrap:AdminEmail="$load_account" --Bootstrap:AdminPassword="$load_password"
wait_for_portal "$(date +%s.%N)" "$out/portal.log" >/dev/null || exit 1

# Signs in through the login form and keeps the cookie, for the signed-in row.
jar="$out/cookies.txt"
form_token="$(curl -s -c "$jar" -b "$jar" "$base/mina-sidor/logga-in" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')"
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Email=$load_account" --data-urlencode "Password=$load_password" \
  --data-urlencode "__RequestVerificationToken=$form_token" "$base/mina-sidor/logga-in"
member_cookie="$(awk -F '\t' 'NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")"
if [ "$(awk -F '\t' 'NF >= 7 && $6 !~ /Antiforgery/' "$jar" | wc -l)" -eq 0 ]; then
  echo "Could not sign in as $load_account for the signed-in row; see $out/portal.log." >&2
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
cp "$paths/story.txt" "$paths/story-member.txt"
# One story asked for again and again, as when a newsletter links to it: after the first request
# the page cache (where there is one) answers.
head -n 1 "$paths/story.txt" >"$paths/story-one.txt"
cp "$paths/story-one.txt" "$paths/story-one-member.txt"
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

for target in start story story-member story-one story-one-member search search-uncached pdf pdf-cached static; do
  code="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $member_cookie" "$base$(head -n 1 "$paths/$target.txt")")"
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
  local headers=()
  case "$name" in *member) headers=(-H "Cookie: $member_cookie") ;; esac
  LOAD_PATHS="$paths/$name.txt" wrk "${headers[@]}" -t "$threads" -c "$conns" -d "$length" --timeout "$timeout" --latency \
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
    story-member) echo "story page, signed in (random of $(wc -l <"$story_list"))" ;;
    story-one) echo "story page (one story, asked again and again)" ;;
    story-one-member) echo "story page, signed in (one story)" ;;
    search) echo "search \`/sok?q=…\` ($(wc -l <"$paths/search.txt") words, kept results)" ;;
    search-uncached) echo "search \`/sok?q=…&sida=N\` ($(wc -l <"$paths/search-uncached.txt") different, engine)" ;;
    pdf) echo "story PDF (random story, mostly rendered)" ;;
    pdf-cached) echo "story PDF (one story, cached)" ;;
    static) echo "static file \`/css/site.css\`" ;;
  esac
}

if ! $skip_table; then
  # Rows are kept until the static file has run, so each can be given as a share of its req/s.
  rows=()
  declare -A static_rps=()
  for target in start story story-member story-one story-one-member search search-uncached pdf pdf-cached static; do
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
      log "$requests requests, $rps req/s, p99 $p99 ms"
      rows+=("$target|$conns|$requests|$rps|$p50|$p99|$status|$sockets|$timeouts|$(cpu_ms_per_request "$cpu_before" "$cpu_after" "$requests")|$(rss_mb)")
      [ "$target" = "static" ] && static_rps[$conns]="$rps"
      if [ $((status + sockets + timeouts)) -gt 0 ] || [ "$requests" -eq 0 ]; then
        failed=1
      fi
    done
  done
  {
    echo "| target | conns | requests | req/s | % of static | p50 ms | p99 ms | non-2xx/3xx | socket errors | timeouts | CPU ms/req | RSS MB after |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    for row in "${rows[@]}"; do
      IFS='|' read -r target conns requests rps p50 p99 status sockets timeouts cpu rss <<<"$row"
      share="$(awk -v r="$rps" -v s="${static_rps[$conns]:-0}" 'BEGIN { if (s > 0) printf "%.1f %%", 100 * r / s; else print "–" }')"
      echo "| $(describe "$target") | $conns | $requests | $rps | $share | $p50 | $p99 | $status | $sockets | $timeouts | $cpu | $rss |"
    done
    printf '\n(load average after the table: %s)\n' "$(load1)"
  } | tee -a "$results"
fi
{
  echo
  echo "| start | seconds to the first 200 on / |"
  echo "| --- | ---: |"
  echo "| empty database (migrations, seed import, search index) | $first_start |"
  echo "| restart on that database | $restart |"
} | tee -a "$results"

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
