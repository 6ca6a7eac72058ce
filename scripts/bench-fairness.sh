#!/usr/bin/env bash
# Benchmark, not a test: fairness between two callers sharing one provider key whose unfinished tasks are capped.
# The simulator lets the Modellix key hold --slots unfinished tasks (429 beyond); the platform is told the same limit
# (Providers__Modellix__MaxTasksInFlight, ignored by a platform without per-key slots). Caller A ("bulk") publishes
# --a-requests at once; --b-delay seconds later caller B ("interactive") publishes --b-requests at --b-per-minute.
# Every generation takes BENCH_GENERATION_SECONDS exactly, or that median with BENCH_GENERATION_DISTRIBUTION=Lognormal
# (sigma 0.5; fixed times end a key's tasks together, so slots free in waves). Waits for every request's terminal event and reports, per
# caller, outcomes and the wait for a slot (the provider's acceptance minus the publish), in slot turns too; the
# definitions are in lib/fairness_figures.py. Prints a table; the last line is one JSON object.
#
#   scripts/bench-fairness.sh [--a-requests 2000] [--b-requests 20] [--b-delay 60] [--b-per-minute 20] [--slots 20]
#
#   Environment (defaults): BENCH_GENERATION_SECONDS (2), BENCH_GENERATION_DISTRIBUTION (Fixed), BENCH_PENDING_SECONDS (0), BENCH_TIMEOUT (seconds each load
#   run waits for its terminal events; derived from the workload), KEEP_SANDBOX=1 (keep vhost, database, archive).
#   Output under .run/fairness<timestamp>/: logs/, {a,b}-load.{json,log}, {a,b}-events.jsonl, sim-*.json, figures.json.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/apps.sh
. scripts/lib/apps.sh

a_requests=2000 b_requests=20 b_delay=60 b_per_minute=20 slots=20
usage() { echo "usage: $0 [--a-requests N] [--b-requests N] [--b-delay S] [--b-per-minute N] [--slots N]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || usage
  case "$1" in
    --a-requests) a_requests=$2 ;;
    --b-requests) b_requests=$2 ;;
    --b-delay) b_delay=$2 ;;
    --b-per-minute) b_per_minute=$2 ;;
    --slots) slots=$2 ;;
    *) usage ;;
  esac
  shift 2
done
for n in "$a_requests" "$b_requests" "$slots" "$b_per_minute"; do [[ "$n" =~ ^[1-9][0-9]*$ ]] || usage; done
[[ "$b_delay" =~ ^[0-9]+$ ]] || usage

generation=${BENCH_GENERATION_SECONDS:-2} pending=${BENCH_PENDING_SECONDS:-0}
model=kling-v3-i2v
# Every request through the slots one after another takes (A + B) x slot time / slots; allow three times that.
timeout=${BENCH_TIMEOUT:-$(awk -v n=$((a_requests + b_requests)) -v g="$generation" -v p="$pending" -v s="$slots" \
  -v d="$b_delay" 'BEGIN { printf "%d\n", 300 + d + 3 * n * (g + p) / s }')}

scripts/infra.sh up >&2
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "building…" >&2
for project in ProviderSimulator Submitter.Service Poller.Service Archiver.Service Platform.Cli; do
  dotnet build "src/$project/$project.csproj" -c Release -v quiet -nologo >&2
done

stamp="fairness$(date +%s)"
work="$PWD/.run/$stamp"
APPS_LOG_DIR="$work/logs"
mkdir -p "$work"
sim=http://127.0.0.1:5095
cli="$PWD/src/Platform.Cli/bin/Release/net10.0/platform-cli.dll"
services=(submitter:Submitter.Service:5290 poller:Poller.Service:5291 archiver:Archiver.Service:5292)
a_pid="" b_pid=""
cleanup() {
  local pid
  for pid in "$a_pid" "$b_pid"; do if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi; done
  stop_all_apps
  if [ -z "${KEEP_SANDBOX:-}" ]; then
    drop_sandbox "$stamp"
    rm -rf "$work/archive"
  fi
}
trap cleanup EXIT
create_sandbox "$stamp"

export Logging__LogLevel__Default=Warning Archive__Root="$work/archive" Archive__AllowedHosts__0=127.0.0.1:5095
export Providers__Modellix__MaxTasksInFlight=$slots
export_demo_keys
for provider in Modellix MyRouter EvoLink; do export "Providers__${provider}__BaseUrl=$sim"; done
start_app simulator ProviderSimulator "$sim" Simulator__MaxConcurrentTasksPerKey="$slots" \
  Simulator__GenerationDistribution="${BENCH_GENERATION_DISTRIBUTION:-Fixed}" Simulator__GenerationSeconds="$generation" Simulator__PendingSeconds="$pending"
# Modellix gives no estimate: the poller is told the generation time and checks every second after it, so it sees a
# task done about a second after the provider freed its slot (the platform's own slot count frees no earlier).
polling=(Polling__TypicalSeconds="$generation" Polling__FirstRecheckSeconds="$generation" Polling__RecheckIntervalSeconds=1
  Polling__MinRecheckIntervalSeconds=1 Polling__MaxRecheckIntervalSeconds=2 Polling__DueScanIntervalMilliseconds=100)
for entry in "${services[@]}"; do
  IFS=: read -r name project port <<<"$entry"
  start_app "$name" "$project" "http://127.0.0.1:$port" "${polling[@]}"
done
wait_ready "$sim/_sim/stats" simulator
for entry in "${services[@]}"; do
  IFS=: read -r name project port <<<"$entry"
  wait_ready "http://127.0.0.1:$port/health/ready" "$name" 90
done

load() { # LABEL CALLER REQUESTS [LOAD OPTIONS…]: one load run in the background, its pid in last_pid
  local label=$1 caller=$2 requests=$3
  shift 3
  dotnet "$cli" load --requests "$requests" --provider modellix --model "$model" --caller "$caller" \
    --queue "$stamp-$label" --timeout "$timeout" --events-out "$work/$label-events.jsonl" "$@" \
    >"$work/$label-load.json" 2>"$work/$label-load.log" &
  last_pid=$!
}
progress() { # LABEL: the load run's last progress line
  [ -s "$work/$1-load.log" ] && tail -n 1 "$work/$1-load.log" | sed 's/^ *[0-9]* s: //' || echo "publishing"
}

echo "A: $a_requests requests at once; B: $b_requests at $b_per_minute/min from t+${b_delay}s; $slots slots," \
  "generation ${generation} s; timeout ${timeout} s per load run" >&2
started=$SECONDS next_report=$((SECONDS + 15))
load a bulk "$a_requests"
a_pid=$last_pid b_started=""
while [ -n "$a_pid$b_pid" ] || [ -z "$b_started" ]; do
  sleep 1
  if [ -z "$b_started" ] && [ $((SECONDS - started)) -ge "$b_delay" ]; then
    load b interactive "$b_requests" --per-minute "$b_per_minute"
    b_pid=$last_pid b_started=1
  fi
  for label in a b; do
    pid_var="${label}_pid"
    if [ -n "${!pid_var}" ] && ! kill -0 "${!pid_var}" 2>/dev/null; then
      rc=0
      wait "${!pid_var}" || rc=$?
      echo "[$label] finished at t+$((SECONDS - started))s (exit $rc)" >&2
      printf -v "$pid_var" '%s' ""
    fi
  done
  if [ "$SECONDS" -ge "$next_report" ]; then
    echo "t+$((SECONDS - started))s A: $(progress a); B: $( [ -n "$b_started" ] && progress b || echo "not yet")" >&2
    next_report=$((next_report + 15))
  fi
done

curl -fsS "$sim/_sim/stats" >"$work/sim-stats.json"
curl -fsS "$sim/_sim/tasks" >"$work/sim-tasks.json"
# When each request joined the line and got its slot, for the slot turns B waited (lib/fairness_figures.py).
PGPASSWORD=platform psql -h 127.0.0.1 -U platform -d "$stamp" -qAX -c "\\copy (SELECT request_id, caller, provider, extract(epoch FROM queued_at) AS queued_at, extract(epoch FROM admitted_at) AS admitted_at, admitted_seq FROM submissions) TO '$work/submissions.csv' CSV HEADER" \
  || echo "could not export the submissions table: no slot-turn counts" >&2
settings=$(jq -nc --arg model "$model" --argjson slots "$slots" --argjson g "$generation" --argjson p "$pending" \
  --argjson d "$b_delay" --argjson r "$b_per_minute" --arg dist "${BENCH_GENERATION_DISTRIBUTION:-Fixed}" \
  '{model: $model, slots: $slots, generation_s: $g, generation_distribution: $dist, pending_s: $p, b_delay_s: $d, b_per_minute: $r}')
python3 scripts/lib/fairness_figures.py "$work" "$a_requests" "$b_requests" "$settings"
