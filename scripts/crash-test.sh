#!/usr/bin/env bash
# Nothing lost, nothing paid twice, under crashes. Runs N requests through the real stack against the simulator
# (generation takes seconds) while every service is killed with SIGKILL and restarted at random moments, and
# RabbitMQ and PostgreSQL are each restarted once. Then checks: every request reached exactly one kind of terminal
# outcome (none lost), at most one provider submit per request (counted by the simulator), at most one archived
# file per request. Last line: one JSON object.
#
#   scripts/crash-test.sh [--requests 200] [--instances 1|2] [--kills 9] [--seed N] [--drain-timeout 600]   (KEEP_SANDBOX=1 keeps vhost + database)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/apps.sh
. scripts/lib/apps.sh

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

scripts/infra.sh up >&2
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
build_release

# A private virtual host and database, removed at the end, so the run starts empty and leaves nothing behind.
run_id="crash$(date +%s)"
work="$PWD/.run/$run_id"
APPS_LOG_DIR="$work/logs"
mkdir -p "$work"
create_sandbox "$run_id"
cleanup() {
  stop_all_apps
  scripts/infra.sh up >/dev/null 2>&1 || true
  # KEEP_SANDBOX=1 leaves the vhost and database for a post-mortem of a failed run.
  [ -n "${KEEP_SANDBOX:-}" ] || drop_sandbox "$run_id"
}
trap cleanup EXIT

export Archive__Root="$work/archive" Archive__AllowedHosts__0=127.0.0.1:5090 Logging__LogLevel__Default=Warning
export Polling__FirstRecheckSeconds=2 Polling__RecheckIntervalSeconds=2 Polling__MaxRecheckIntervalSeconds=4
export Polling__CheckTimeoutSeconds=20 Polling__StalledAfterSeconds=15 Submitter__StaleSubmitMinutes=0.5
export Scheduler__PollIntervalMilliseconds=100
export_demo_keys
sim=http://127.0.0.1:5090
for provider in Modellix MyRouter EvoLink; do export "Providers__${provider}__BaseUrl=$sim"; done

start_app simulator ProviderSimulator "$sim" Simulator__PendingSeconds=2 Simulator__GenerationSeconds=20
services=(submitter:Submitter.Service poller:Poller.Service archiver:Archiver.Service)
port() { # service-index instance -> a loopback URL
  echo "http://127.0.0.1:$((5190 + 10 * $1 + $2))"
}
start_instance() { # service-index instance
  local name=${services[$1]%%:*} project=${services[$1]#*:}
  start_app "$name-$2" "$project" "$(port "$1" "$2")"
}
for s in 0 1 2; do for i in $(seq 1 "$instances"); do start_instance "$s" "$i"; done; done
wait_ready "$sim/_sim/stats" simulator
for s in 0 1 2; do for i in $(seq 1 "$instances"); do wait_ready "$(port "$s" "$i")/health/ready" "${services[$s]%%:*}-$i" 90; done; done

started=$SECONDS
cli="$PWD/src/Platform.Cli/bin/Release/net10.0/platform-cli.dll"
dotnet "$cli" load --requests "$requests" --queue "crash-driver" --timeout "$drain_timeout" >"$work/load.json" 2>"$work/load.log" &
load_pid=$!

# Chaos while generation (20 s per task) is under way: kills 1–3 s apart, RabbitMQ restarted after the second
# kill, PostgreSQL after the fifth.
for k in $(seq 1 "$kills"); do
  sleep "$((1 + RANDOM % 3))"
  s=$((RANDOM % 3)); i=$((1 + RANDOM % instances))
  key="${services[$s]%%:*}-$i"
  echo "t+$((SECONDS - started))s: SIGKILL $key" | tee -a "$work/chaos.log" >&2
  stop_app "$key" KILL
  sleep 1
  start_instance "$s" "$i"
  if [ "$k" -eq 2 ]; then echo "t+$((SECONDS - started))s: restart RabbitMQ" | tee -a "$work/chaos.log" >&2; scripts/infra.sh restart rabbitmq >/dev/null; fi
  if [ "$k" -eq 5 ]; then echo "t+$((SECONDS - started))s: restart PostgreSQL" | tee -a "$work/chaos.log" >&2; scripts/infra.sh restart postgres >/dev/null; fi
done

load_rc=0
wait "$load_pid" || load_rc=$?
report=$(tail -n 1 "$work/load.json")
stats=$(curl -fsS "$sim/_sim/stats")
max_submits=$(jq '[.submitsByRequest[]] | max // 0' <<<"$stats")
max_archives=$( (find "$work/archive" -name 'video-*.json' -not -path '*/.partial/*' 2>/dev/null || true) \
  | awk -F/ '{print $(NF-1)}' | sort | uniq -c | awk 'BEGIN{m=0} {if ($1>m) m=$1} END{print m}')
partials=$(find "$work/archive/.partial" -type f 2>/dev/null | wc -l)

terminal=$(jq .terminal <<<"$report"); lost=$(jq .lost <<<"$report"); drain=$(jq .drain_s <<<"$report")
printf '%-34s %s\n' "requests sent" "$requests" "instances per service" "$instances" "kills (SIGKILL)" "$kills" \
  "terminal outcomes" "$terminal" "  archived" "$(jq .archived <<<"$report")" "  failed (by event)" "$(jq -c .failures <<<"$report")" \
  "lost" "$lost" "max provider submits per request" "$max_submits" "max archived files per request" "$max_archives" \
  "partial downloads left in .partial" "$partials" "time to drain (s)" "$drain" "seed" "$seed"
json=$(jq -nc --argjson r "$requests" --argjson t "$terminal" --argjson l "$lost" --argjson s "$max_submits" \
  --argjson a "$max_archives" --argjson d "$drain" \
  '{requests:$r, terminal:$t, lost:$l, max_submits_per_request:$s, max_archives_per_request:$a, drain_s:$d}')
echo "$json"
[ "$load_rc" -eq 0 ] && [ "$lost" -eq 0 ] && [ "$terminal" -eq "$requests" ] && [ "$max_submits" -le 1 ] && [ "$max_archives" -le 1 ]
