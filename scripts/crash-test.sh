#!/usr/bin/env bash
# Nothing lost, nothing paid twice, nothing downloaded twice, under crashes. Runs N requests through the real stack
# against the simulator (20 MiB videos sent at a set pace, 30 % of submits answered only after 4 s, so kills land
# mid-call and mid-download) while:
#   - the submitter is SIGKILLed while billed submits are unanswered (mid-call), twice;
#   - PostgreSQL is STOPPED for 30 s while submits are in flight;
#   - the poller is SIGKILLed;
#   - the archiver is SIGKILLed while downloads are half sent (mid-download), twice;
#   - RabbitMQ is STOPPED for 30 s while downloads are in flight;
#   - any further --kills hit a random service 1–3 s apart.
# Outages are longer than the services' immediate retries (0.2/1/3/10 s). Each step is logged with the simulator's
# counters before and after, so the log shows whether it hit the dangerous moment. A service that exits on its own is
# restarted (as a supervisor would) and logged.
#
# Archives are counted from the archiver's VideoArchived events (listing the video's full size), never from files;
# submits, billing and bytes sent per video from the simulator. Passes only when: lost 0; every request terminal;
# archived >= 0.95 x (requests - cut_mid_call) and > 0; max_submits_per_request 1; max_served_ratio < 2; every billed
# request archived, failed by the provider or cut mid-call (billed_not_archived 0); error_queue_messages 0. Cut
# mid-call: a submitter SIGKILL fell inside the request's call: before the simulator wrote its answer, within 1 s after
# (the answer unread), or within 1 s after the submitter recorded the call as started but before it was sent.
# Last line: one JSON object.
#
# Files under .run/crash<time>/: chaos.log (each step and what it hit), events.jsonl, sim-stats.json, logs/.
#
#   scripts/crash-test.sh [--requests 200] [--instances 1|2] [--kills 9] [--seed N] [--drain-timeout 600]   (KEEP_SANDBOX=1 keeps vhost + database)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/apps.sh
. scripts/lib/apps.sh
# shellcheck source=lib/chaos.sh
. scripts/lib/chaos.sh

requests=200 instances=1 kills=9 seed=$RANDOM drain_timeout=600
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) requests=$2; shift 2 ;;
    --instances) instances=$2; shift 2 ;;
    --kills) kills=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --drain-timeout) drain_timeout=$2; shift 2 ;;
    *) echo "usage: $0 [--requests N] [--instances 1|2] [--kills N] [--seed N] [--drain-timeout S]" >&2; exit 2 ;;
  esac
done
RANDOM=$seed
# CRASH_OUTAGE_SECONDS shortens the outages to look at one fault at a time; the test is the default 30.
video_bytes=$((20 * 1048576)) outage_s=${CRASH_OUTAGE_SECONDS:-30}

scripts/infra.sh up >&2
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
build_release

# A private virtual host and database, removed at the end, so the run starts empty and leaves nothing behind.
run_id="crash$(date +%s)"
work="$PWD/.run/$run_id"
APPS_LOG_DIR="$work/logs"
CHAOS_LOG="$work/chaos.log"
mkdir -p "$work"
create_sandbox "$run_id"
cleanup() {
  stop_all_apps
  # Brings back a dependency an interrupted outage left stopped.
  scripts/infra.sh up >/dev/null 2>&1 || true
  # KEEP_SANDBOX=1 leaves the vhost and database for a post-mortem of a failed run.
  [ -n "${KEEP_SANDBOX:-}" ] || drop_sandbox "$run_id"
  # Twenty MiB per request: keep the logs and JSON, not the videos.
  rm -rf "$work/archive"
}
trap cleanup EXIT

export Archive__Root="$work/archive" Archive__AllowedHosts__0=127.0.0.1:5090 Logging__LogLevel__Default=Warning
export Polling__FirstRecheckSeconds=2 Polling__RecheckIntervalSeconds=2 Polling__MaxRecheckIntervalSeconds=4
export Polling__CheckTimeoutSeconds=20 Polling__MaxAimedWaitSeconds=8 Submitter__LeaseSeconds=10
export Polling__DueScanIntervalMilliseconds=100
export_demo_keys
SIM=http://127.0.0.1:5090
for provider in Modellix MyRouter EvoLink; do export "Providers__${provider}__BaseUrl=$SIM"; done

# Generation 20 ± 8 s spreads completions, so downloads go on for a while; 8 MiB/s makes one last 2.5 s.
start_app simulator ProviderSimulator "$SIM" Simulator__PendingSeconds=2 Simulator__GenerationSeconds=20 \
  Simulator__GenerationDistribution=Uniform Simulator__GenerationSpreadSeconds=8 Simulator__Seed="$seed" \
  Simulator__SubmitHangShare=0.3 Simulator__SubmitHangSeconds=4 \
  Simulator__VideoBytes="$video_bytes" Simulator__MediaBytesPerSecond=$((8 * 1048576))
services=(submitter:Submitter.Service poller:Poller.Service archiver:Archiver.Service)
port() { # service-index instance -> a loopback URL
  echo "http://127.0.0.1:$((5190 + 10 * $1 + $2))"
}
start_instance() { # service-index instance
  local name=${services[$1]%%:*} project=${services[$1]#*:}
  start_app "$name-$2" "$project" "$(port "$1" "$2")"
}
for s in 0 1 2; do for i in $(seq 1 "$instances"); do start_instance "$s" "$i"; done; done
wait_ready "$SIM/_sim/stats" simulator
for s in 0 1 2; do for i in $(seq 1 "$instances"); do wait_ready "$(port "$s" "$i")/health/ready" "${services[$s]%%:*}-$i" 90; done; done

# A service that exited without being killed here is restarted, as a supervisor would, and the log says so.
revive_exited() {
  local s i key pid
  for s in 0 1 2; do for i in $(seq 1 "$instances"); do
    key="${services[$s]%%:*}-$i"
    pid=${APP_PIDS[$key]:-}
    if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
      chaos "$key exited on its own (see $APPS_LOG_DIR/$key.log); restarted"
      unset "APP_PIDS[$key]"
      start_instance "$s" "$i"
    fi
  done; done
}

kills_left=$kills
# When each submitter was SIGKILLed (Unix ms): an answer the simulator finished writing just before one was never read.
submitter_kills_ms=()
# kill_service SERVICE-INDEX [JQ-CONDITION WHAT]: SIGKILL one instance, at the moment the condition holds if it
# comes within 20 s (else anyway, and the log says the moment was missed), then restart it.
kill_service() {
  [ "$kills_left" -gt 0 ] || return 0
  kills_left=$((kills_left - 1))
  local s=$1 condition=${2:-true} what=${3:-} i key hit=""
  i=$((1 + RANDOM % instances)); key="${services[$s]%%:*}-$i"
  revive_exited
  if [ -n "$what" ]; then
    if wait_for_sim "$condition" 20; then hit="$what"; else hit="NOT $what (no such moment within 20 s)"; fi
  fi
  local before; before=$(sim_moment)
  [[ $key == submitter-* ]] && submitter_kills_ms+=("$(date +%s%3N)")
  stop_app "$key" KILL
  sleep 1
  chaos "SIGKILL $key${hit:+ $hit}: before [$before] after [$(sim_moment)]"
  start_instance "$s" "$i"
}

# outage SERVICE JQ-CONDITION WHAT: stop RabbitMQ or PostgreSQL for outage_s once the condition holds (or after 20 s).
outage() {
  local service=$1 condition=$2 what=$3 hit
  revive_exited
  if wait_for_sim "$condition" 20; then hit="$what"; else hit="NOT $what (no such moment within 20 s)"; fi
  chaos "$service STOPPING for ${outage_s}s, $hit: [$(sim_moment)]"
  scripts/infra.sh stop "$service" >/dev/null
  local down=$SECONDS
  sleep "$outage_s"
  scripts/infra.sh start "$service" >/dev/null
  # Starting takes time too (RabbitMQ: tens of seconds), so the outage the services saw is longer than outage_s.
  chaos "$service back after $((SECONDS - down))s down: [$(sim_moment)]; messages in *_error queues: $(error_queue_messages "$run_id")"
}

CHAOS_STARTED=$SECONDS
cli="$PWD/src/Platform.Cli/bin/Release/net10.0/platform-cli.dll"
dotnet "$cli" load --requests "$requests" --queue "crash-driver" --timeout "$drain_timeout" \
  --events-out "$work/events.jsonl" >"$work/load.json" 2>"$work/load.log" &
load_pid=$!

mid_call='.submitsInFlight > 0' mid_download='.downloadsInFlight > 0'
kill_service 0 "$mid_call" "mid-call"
outage postgres "$mid_call" "submits in flight"
kill_service 0 "$mid_call" "mid-call"
kill_service 1
kill_service 2 "$mid_download" "mid-download"
outage rabbitmq "$mid_download" "downloads in flight"
kill_service 2 "$mid_download" "mid-download"
while [ "$kills_left" -gt 0 ]; do
  sleep "$((1 + RANDOM % 3))"
  kill_service "$((RANDOM % 3))" true "at random"
done

while kill -0 "$load_pid" 2>/dev/null; do revive_exited; sleep 1; done
load_rc=0
wait "$load_pid" || load_rc=$?
# The management API refreshes its queue counts every 5 s.
sleep 6
report=$(tail -n 1 "$work/load.json")
# A load command that died early reports nothing: every request then counts as lost.
[ -n "$report" ] || report="{\"terminal\":0,\"lost\":$requests,\"drain_s\":0,\"failures\":{}}"
[ -f "$work/events.jsonl" ] || : >"$work/events.jsonl"
stats=$(sim_stats)
echo "$stats" >"$work/sim-stats.json"
errors=$(error_queue_messages "$run_id")
[ "$errors" = "?" ] && errors=-1

# One object per request: how it ended (from the load's events) joined with what the simulator saw for it.
# Cut mid-call: the SIGKILL of a submitter fell inside the request's provider call, as either side saw it:
# - the simulator saw its caller go before it wrote the answer;
# - or it wrote the answer at most answer_read_ms before the SIGKILL (up to 200 ms after the time taken just before the
#   signal), and the request ended submit_unknown: the answer died unread in the killed process;
# - or the submitter had recorded the call as started (its own row, call_started_at) at most call_send_ms before the
#   SIGKILL, the provider never received it, and the request ended submit_unknown: killed between the record and the send.
# Reading and recording an answer, or sending a call once recorded, takes milliseconds, so a request lost after a
# longer gap is the platform's fault and is not excused.
answer_read_ms=1000 call_send_ms=1000
kills_json=$(printf '%s\n' "${submitter_kills_ms[@]}" | jq -sc 'map(select(. != null))')
calls_json=$(PGPASSWORD=platform psql -h 127.0.0.1 -U platform -d "$run_id" -qtAX -c "
  SELECT coalesce(json_object_agg(request_id, (extract(epoch FROM call_started_at) * 1000)::bigint), '{}')
  FROM submissions WHERE failure_code = 'submit_unknown' AND call_started_at IS NOT NULL" 2>/dev/null || echo '{}')
figures=$(jq -s --argjson sim "$stats" --argjson size "$video_bytes" --argjson r "$requests" --argjson e "$errors" \
  --argjson kills "$kills_json" --argjson calls "${calls_json:-"{}"}" --argjson read_ms "$answer_read_ms" --argjson send_ms "$call_send_ms" '
  ($sim.videos | to_entries | map(.value)) as $videos
  | map(. as $ev | ($sim.answeredAtByRequest[$ev.request_id] // null) as $answered
    | ($calls[$ev.request_id] // null) as $call_started
    | ($ev.reason_code == "submit_unknown") as $unknown
    | (($sim.cutMidCallByRequest[$ev.request_id] // 0) > 0) as $cut_before_answer
    | ($unknown and $answered != null and any($kills[]; $answered <= . + 200 and $answered >= . - $read_ms)) as $answered_as_killed
    | ($unknown and $call_started != null and (($sim.submitsByRequest[$ev.request_id] // 0) == 0)
        and any($kills[]; $call_started <= . + 200 and $call_started >= . - $send_ms)) as $killed_before_send
    | {
      archived: ($ev.outcome == "VideoArchived" and $ev.archived_bytes == $size),
      billed: (($sim.acceptedByRequest[$ev.request_id] // 0) > 0),
      cut: ($cut_before_answer or $answered_as_killed or $killed_before_send),
      answered_as_killed: $answered_as_killed,
      killed_before_send: $killed_before_send,
      provider_failed: ($ev.reason_code == "provider_failed"),
      archived_events: $ev.archived_events })
  | {
      requests: $r,
      archived: map(select(.archived)) | length,
      billed: map(select(.billed)) | length,
      billed_not_archived: map(select(.billed and (.archived or .provider_failed or .cut | not))) | length,
      cut_mid_call: map(select(.cut)) | length,
      answered_as_killed: map(select(.answered_as_killed)) | length,
      killed_before_send: map(select(.killed_before_send)) | length,
      max_submits_per_request: ([$sim.submitsByRequest[]] | max // 0),
      max_served_ratio: ([$videos[] | .bytesServed / .sizeBytes] | max // 0 | . * 100 | round / 100),
      error_queue_messages: $e,
      max_archived_events_per_request: (map(.archived_events) | max // 0)
    }' "$work/events.jsonl")
terminal=$(jq .terminal <<<"$report"); lost=$(jq .lost <<<"$report"); drain=$(jq .drain_s <<<"$report")
json=$(jq -c --argjson t "$terminal" --argjson l "$lost" --argjson d "$drain" \
  '{requests, terminal: $t, lost: $l, archived, billed, billed_not_archived, cut_mid_call, max_submits_per_request,
    max_served_ratio, error_queue_messages, drain_s: $d}' <<<"$figures")
get() { jq -r ".$1" <<<"$json"; }

printf '%-44s %s\n' "requests sent" "$requests" "instances per service" "$instances" "kills (SIGKILL)" "$kills" \
  "terminal outcomes" "$terminal" "  archived (VideoArchived, full size)" "$(get archived)" \
  "  failed (by event)" "$(jq -c .failures <<<"$report")" "lost" "$lost" \
  "billed by the provider" "$(get billed)" "  cut mid-call (billed, caller killed)" "$(get cut_mid_call)" \
  "    of which answered just as it was killed" "$(jq .answered_as_killed <<<"$figures")" \
  "    of which killed before its call was sent" "$(jq .killed_before_send <<<"$figures")" \
  "  billed, not archived, not provider-failed" "$(get billed_not_archived)" \
  "max provider submits per request" "$(get max_submits_per_request)" \
  "max video bytes sent / video size" "$(get max_served_ratio)" \
  "max VideoArchived events per request" "$(jq .max_archived_events_per_request <<<"$figures")" \
  "messages in *_error queues" "$errors $(error_queues "$run_id")" "time to drain (s)" "$drain" "seed" "$seed"

# Each pass condition that does not hold, by name, so a failed run says why.
failed=()
check() { # DESCRIPTION JQ-CONDITION-ON-THE-JSON
  [ "$(jq -r "$2" <<<"$json")" = true ] || failed+=("$1")
}
check "lost must be 0" '.lost == 0'
check "every request must be terminal" '.terminal == .requests'
check "archived must be > 0 and >= 0.95 x (requests - cut_mid_call)" \
  '.archived > 0 and .archived >= 0.95 * (.requests - .cut_mid_call)'
check "max_submits_per_request must be 1" '.max_submits_per_request == 1'
check "max_served_ratio must be < 2" '.max_served_ratio < 2'
check "every billed request must be archived, provider-failed or cut mid-call" '.billed_not_archived == 0'
check "error_queue_messages must be 0" '.error_queue_messages == 0'
[ "$load_rc" -eq 0 ] || failed+=("the load command must see every request end (exit $load_rc)")
for reason in "${failed[@]}"; do echo "FAILED: $reason" >&2; done
[ "${#failed[@]}" -eq 0 ] && echo "crash test passed" >&2
echo "$json"
[ "${#failed[@]}" -eq 0 ]
