#!/usr/bin/env bash
# Benchmark, not a test. Runs N requests through the real stack (the provider simulator and the three services as
# processes, each run in a private vhost + database) for EvoLink kling-v3-image-to-video, whose generation times the
# simulator draws from a log-normal distribution. Measures throughput, detection lag (when the poller saw a task
# done minus when the simulator finished it), provider calls per task, 429s, and each process's peak memory and CPU,
# and counts broker messages and database row writes per check (see lib/bench_counts.py for what a check's are).
# --baseline then runs the same workload again, fresh, with a naive fixed 5 s poller, and prints both side by side.
# --callbacks lets the simulator call back on completion, as EvoLink does, in our run only (never the baseline's).
# Prints a table; the last line is one JSON object. Exits non-zero when a request is lost or not archived.
#
#   scripts/bench.sh [--requests 10000] [--rpm R] [--baseline] [--callbacks]
#
#   --rpm R   the provider's limit per key (simulator) and the platform's own pacing for it; 0 or absent: none.
#   Environment (defaults): BENCH_GENERATION_SECONDS (150, the median), BENCH_GENERATION_SIGMA (0.3), BENCH_SEED (7),
#   BENCH_MAX_INTERVAL (30, our longest wait between checks), BENCH_TIMEOUT (seconds for the load to drain; derived
#   from the workload), KEEP_SANDBOX=1 (keep vhosts, databases and archived files).
#   BENCH_CHECK_TABLES (tables whose row writes count as the check loop's, beside video_tasks and scheduled_messages).
#   Output under .run/bench<timestamp>/<ours|baseline>/: logs, load.json, load.log, events.jsonl, sim-*.json,
#   counts-<start|end>-<exchanges|tables>.json, figures.json.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/apps.sh
. scripts/lib/apps.sh
# shellcheck source=lib/proc.sh
. scripts/lib/proc.sh
# shellcheck source=lib/counters.sh
. scripts/lib/counters.sh

requests=10000 rpm=0 baseline="" callbacks=""
usage() { echo "usage: $0 [--requests N] [--rpm R] [--baseline] [--callbacks]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) [ $# -ge 2 ] || usage; requests=$2; shift 2 ;;
    --rpm) [ $# -ge 2 ] || usage; rpm=$2; shift 2 ;;
    --baseline) baseline=1; shift ;;
    --callbacks) callbacks=1; shift ;;
    *) usage ;;
  esac
done
[[ "$requests" =~ ^[1-9][0-9]*$ && "$rpm" =~ ^[0-9]+$ ]] || usage

generation=${BENCH_GENERATION_SECONDS:-150} sigma=${BENCH_GENERATION_SIGMA:-0.3} seed=${BENCH_SEED:-7}
max_interval=${BENCH_MAX_INTERVAL:-30}
# Enough to drain: every task needs at least a submit and a query, so a limit of R calls a minute takes 2N/R minutes
# at best; allow half as much again, plus the slowest generations.
timeout=${BENCH_TIMEOUT:-$(awk -v n="$requests" -v r="$rpm" -v g="$generation" \
  'BEGIN { drain = (r > 0) ? n * 3 * 60 / r : n / 5; printf "%d\n", 600 + 6 * g + drain }')}

scripts/infra.sh up >&2
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
build_release

stamp="bench$(date +%s)"
work="$PWD/.run/$stamp"
mkdir -p "$work"
sim=http://127.0.0.1:5095
cli="$PWD/src/Platform.Cli/bin/Release/net10.0/platform-cli.dll"
services=(submitter:Submitter.Service:5290 poller:Poller.Service:5291 archiver:Archiver.Service:5292)
sandboxes=() load_pid=""
cleanup() {
  if [ -n "$load_pid" ]; then kill "$load_pid" 2>/dev/null || true; fi
  stop_all_apps
  # KEEP_SANDBOX=1 leaves the vhosts, databases and archived files for a post-mortem.
  if [ -z "${KEEP_SANDBOX:-}" ]; then
    local name
    for name in "${sandboxes[@]}"; do drop_sandbox "$name"; done
    rm -rf "$work"/*/archive
  fi
}
trap cleanup EXIT

export Logging__LogLevel__Default=Warning Polling__DueScanIntervalMilliseconds=100
export Archive__AllowedHosts__0=127.0.0.1:5095 Providers__EvoLink__RequestsPerMinute=$rpm
export_demo_keys
for provider in Modellix MyRouter EvoLink; do export "Providers__${provider}__BaseUrl=$sim"; done
simulator_settings=(Simulator__PendingSeconds=2 Simulator__GenerationDistribution=lognormal
  Simulator__GenerationSeconds="$generation" Simulator__GenerationSigma="$sigma" Simulator__Seed="$seed"
  Simulator__RequestsPerMinutePerKey="$rpm" Simulator__AllowInsecureCallbacks=true)
common_polling=(Polling__CheckTimeoutSeconds=120 Polling__TypicalSeconds=150)
ours_polling=(Polling__Strategy=Adaptive Polling__MaxRecheckIntervalSeconds="$max_interval" Polling__RecheckIntervalSeconds=5)
if [ -n "$callbacks" ]; then
  # The poller (port 5291) takes the callbacks; plain http on loopback, which only a bench or demo may allow.
  ours_polling+=(Callbacks__PublicBaseUrl=http://127.0.0.1:5291 Callbacks__AllowHttp=true)
  export_callback_signing_key
fi
baseline_polling=(Polling__Strategy=Fixed Polling__FirstRecheckSeconds=5 Polling__RecheckIntervalSeconds=5
  Polling__MaxRecheckIntervalSeconds=5)

# run_workload LABEL MAX_INTERVAL POLLING_ENV…: one run in a fresh sandbox and freshly started apps; leaves
# $work/LABEL/figures.json and sets status=1 when a request was lost or not archived.
# CPU seconds RabbitMQ and PostgreSQL have used so far, one "name seconds" line each ("-" when not found). They serve
# every vhost and database on the machine, so a run's share is only its own when nothing else uses them.
server_cpu() {
  local beam postmaster
  beam=$(pgrep -f beam.smp | head -1 || true)
  postmaster=$(head -1 "${PLATFORM_PGDATA:-/var/lib/video-platform/pgdata}/postmaster.pid" 2>/dev/null || true)
  echo "rabbitmq $( [ -n "$beam" ] && proc_server_cpu_seconds "$beam" 2>/dev/null || echo -)"
  echo "postgres $( [ -n "$postmaster" ] && proc_server_cpu_seconds "$postmaster" 2>/dev/null || echo -)"
}

run_workload() {
  local label=$1 interval=$2
  shift 2
  local dir="$work/$label" sandbox="$stamp$label"
  mkdir -p "$dir"
  APPS_LOG_DIR="$dir/logs"
  create_sandbox "$sandbox"
  sandboxes+=("$sandbox")
  export Archive__Root="$dir/archive"

  start_app simulator ProviderSimulator "$sim" "${simulator_settings[@]}"
  local entry name project port
  for entry in "${services[@]}"; do
    IFS=: read -r name project port <<<"$entry"
    start_app "$name" "$project" "http://127.0.0.1:$port" "${common_polling[@]}" "$@"
  done
  wait_ready "$sim/_sim/stats" simulator
  for entry in "${services[@]}"; do
    IFS=: read -r name project port <<<"$entry"
    wait_ready "http://127.0.0.1:$port/health/ready" "$name" 90
  done
  # What the broker and the database count from here on is the run's (startup's own traffic settles first).
  sleep "$COUNTERS_SETTLE_SECONDS"
  snapshot_exchanges "$sandbox" "$dir/counts-start-exchanges.json" || echo "[$label] no exchange counts at start" >&2
  snapshot_tables "$sandbox" "$dir/counts-start-tables.json" || echo "[$label] no table counts at start" >&2
  server_cpu >"$dir/servers-start.txt"

  echo "[$label] $requests requests, generation ${generation} s median (sigma $sigma), rpm $rpm, timeout ${timeout} s" >&2
  local started=$SECONDS next_report=$((SECONDS + 15)) load_rc=0
  dotnet "$cli" load --requests "$requests" --provider evolink --model kling-v3-image-to-video --queue bench-driver \
    --timeout "$timeout" --events-out "$dir/events.jsonl" >"$dir/load.json" 2>"$dir/load.log" &
  load_pid=$!
  while kill -0 "$load_pid" 2>/dev/null; do
    sleep 1
    if [ "$SECONDS" -ge "$next_report" ]; then
      echo "[$label] t+$((SECONDS - started))s: $(tail -n 1 "$dir/load.log" | sed 's/^ *[0-9]* s: //')" >&2
      next_report=$((next_report + 15))
    fi
  done
  wait "$load_pid" || load_rc=$?
  load_pid=""
  echo "[$label] load finished after $((SECONDS - started)) s (exit $load_rc)" >&2

  # The management API's message counts trail by its statistics interval (5 s by default).
  sleep 6
  curl -fsS "$sim/_sim/tasks" >"$dir/sim-tasks.json"
  curl -fsS "$sim/_sim/stats" >"$dir/sim-stats.json"
  rmq_api "http://127.0.0.1:15672/api/vhosts/$sandbox" >"$dir/vhost.json"
  snapshot_exchanges "$sandbox" "$dir/counts-end-exchanges.json" \
    || echo "[$label] no exchange counts at end" >&2
  local key rss cpu
  server_cpu >"$dir/servers-end.txt"
  for key in simulator submitter poller archiver; do
    # "-" for a process that is gone: it died during the run (see its log).
    rss=$(proc_peak_rss_mib "${APP_PIDS[$key]}" 2>/dev/null || true)
    cpu=$(proc_cpu_seconds "${APP_PIDS[$key]}" 2>/dev/null || true)
    echo "$key ${rss:--} ${cpu:--}"
  done >"$dir/proc.txt"
  stop_all_apps
  # The apps' connections have closed, and a backend flushes its table counts as it exits.
  sleep 1
  snapshot_tables "$sandbox" "$dir/counts-end-tables.json" || echo "[$label] no table counts at end" >&2
  if [ -z "${KEEP_SANDBOX:-}" ]; then drop_sandbox "$sandbox"; fi

  python3 - "$dir" "$requests" "$rpm" "$interval" >"$dir/figures.json" <<'PY'
import json, math, sys
from datetime import datetime
sys.dont_write_bytecode = True  # no __pycache__ left in scripts/lib
sys.path.insert(0, "scripts/lib")
from bench_counts import counted_figures

run_dir, requests, rpm, interval = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
load_lines = [l for l in open(f"{run_dir}/load.json").read().splitlines() if l.strip()]
summary = json.loads(load_lines[-1]) if load_lines else {"archived": 0, "lost": requests, "failed": 0, "drain_s": 0}
events = [json.loads(l) for l in open(f"{run_dir}/events.jsonl")] if load_lines else []
tasks = json.load(open(f"{run_dir}/sim-tasks.json"))
stats = json.load(open(f"{run_dir}/sim-stats.json"))
vhost = json.load(open(f"{run_dir}/vhost.json"))
proc = [line.split() for line in open(f"{run_dir}/proc.txt")]
def server_cpu(when):
    try:
        return dict(line.split() for line in open(f"{run_dir}/servers-{when}.txt"))
    except OSError:
        return {}
servers_start, servers_end = server_cpu("start"), server_cpu("end")

def at(text):
    return datetime.fromisoformat(text) if text else None

def nearest_rank(values, p):
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[max(1, math.ceil(p / 100 * len(ordered))) - 1], 2)

def number(text):
    return None if text == "-" else float(text)

def per_second(count, seconds):
    return round(count / seconds, 2) if seconds and seconds > 0 else None

total_s = summary["drain_s"]
sent = [at(e["sent_at"]) for e in events]
submitted = [at(e["submitted_at"]) for e in events if e["submitted_at"]]
accepting_s = (max(submitted) - min(sent)).total_seconds() if submitted else None

# In flight: submitted and not yet seen completed by the platform (failed ones stay in until the end).
steps = sorted([(at(e["submitted_at"]), 1) for e in events if e["submitted_at"]] +
               [(at(e["completed_at"]), -1) for e in events if e["submitted_at"] and e["completed_at"]],
               key=lambda s: (s[0], s[1]))
in_flight = peak_in_flight = 0
for _, step in steps:
    in_flight += step
    peak_in_flight = max(peak_in_flight, in_flight)

# A request submitted twice has two simulator tasks; the later one is the one the platform follows.
completes_at = {t["requestId"]: t["completesAt"] for t in tasks if t["requestId"]}
lags = [(at(e["completed_at"]) - at(completes_at[e["request_id"]])).total_seconds()
        for e in events if e["completed_at"] and completes_at.get(e["request_id"])]

IDEAL_QUERIES_PER_TASK = 1.0
ALLOWED_QUERIES_PER_TASK = 1.5 * IDEAL_QUERIES_PER_TASK

def lag_p95_floor(durations, allowed):
    """
    The least p95 detection lag any polling strategy can reach within `allowed` queries per task, for these
    generation times, even if the rate limit never delayed a check and a first check that finds the task running
    revealed its exact completion time (the simulator's progress is linear) so the second one lands on it. Every
    task carries the same provider estimate, so a first check can only be placed relative to the submit, at one
    time t for all; tasks done before t wait for it, and the ones still running cost the extra query, so at most
    allowed - 1 of them may still be running: t is that quantile of the durations.
    """
    if not durations:
        return None
    still_running = allowed - 1
    t = nearest_rank(durations, 100 * (1 - still_running)) if still_running < 1 else 0
    return nearest_rank([max(0.0, t - d) for d in durations], 95)

durations = [(at(t["completesAt"]) - at(t["submittedAt"])).total_seconds()
             for t in tasks if t.get("completesAt") and t.get("submittedAt")]

print(json.dumps({
    "requests": requests,
    "archived": summary["archived"],
    "failed": summary["failed"],
    "lost": summary["lost"],
    "accepted_per_s": per_second(len(submitted), accepting_s),
    "tasks_per_s": per_second(summary["archived"], total_s),
    "bus_messages_per_s": per_second((vhost.get("message_stats") or {}).get("publish") or 0, total_s),
    "peak_in_flight": peak_in_flight,
    "lag_p50_s": nearest_rank(lags, 50),
    "lag_p95_s": nearest_rank(lags, 95),
    "lag_p99_s": nearest_rank(lags, 99),
    "lag_max_s": round(max(lags), 2) if lags else None,
    "max_recheck_interval_s": interval,
    "queries_per_task": round(sum(t["queries"] for t in tasks) / requests, 2),
    # One query per task, made the moment it completes. A rate limit makes checks wait for their turn but does not
    # make more of them needed, so the ideal stays 1.0 with or without --rpm.
    "ideal_queries_per_task": IDEAL_QUERIES_PER_TASK,
    "lag_p95_floor_s": lag_p95_floor(durations, ALLOWED_QUERIES_PER_TASK),
    "provider_rpm_peak": max(stats["peakRequestsPerMinute"].values(), default=0),
    "rpm_limit": rpm,
    "http_429": stats["rateLimited"],
    "max_submits_per_request": max(stats["submitsByRequest"].values(), default=0),
    "peak_rss_mib": {name: number(rss) for name, rss, _ in proc},
    "cpu_s": {name: number(cpu) for name, _, cpu in proc},
    # The broker's and the database's own CPU during the load, for the capacity model (docs/capacity.md).
    "server_cpu_s": {name: round(number(servers_end[name]) - number(servers_start[name]), 2)
                     if number(servers_end.get(name, "-")) is not None and number(servers_start.get(name, "-")) is not None else None
                     for name in ("rabbitmq", "postgres")},
    "total_s": total_s,
    # Checks are the provider status queries the simulator answered; messages and row writes are counted by
    # RabbitMQ (per exchange, in the run's vhost) and PostgreSQL (per table, in the run's database).
    **counted_figures(run_dir, requests, stats["queries"]),
}))
PY
  if ! { [ "$load_rc" -eq 0 ] && jq -e --argjson n "$requests" '.lost == 0 and .archived == $n' "$dir/figures.json" >/dev/null; }; then
    status=1
  fi
}

status=0
run_workload ours "$max_interval" "${ours_polling[@]}"
labels=(ours)
if [ -n "$baseline" ]; then
  run_workload baseline 5 "${baseline_polling[@]}"
  labels+=(baseline)
fi

python3 - "$work" "$generation" "$sigma" "$seed" "${callbacks:-0}" "${labels[@]}" <<'PY'
import json, sys

work, generation, sigma, seed = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
callbacks, labels = sys.argv[5] == "1", sys.argv[6:]
runs = [json.load(open(f"{work}/{label}/figures.json")) for label in labels]
rows = [
    ("requests", "requests"), ("archived", "archived"), ("failed", "failed"), ("lost", "lost"),
    ("accepted (requests/s)", "accepted_per_s"), ("archived (tasks/s)", "tasks_per_s"),
    ("bus messages published (/s)", "bus_messages_per_s"), ("peak in flight", "peak_in_flight"),
    ("detection lag p50 (s)", "lag_p50_s"), ("detection lag p95 (s)", "lag_p95_s"),
    ("  floor at 1.5 queries/task", "lag_p95_floor_s"),
    ("detection lag p99 (s)", "lag_p99_s"), ("detection lag max (s)", "lag_max_s"),
    ("max recheck interval (s)", "max_recheck_interval_s"), ("provider queries per task", "queries_per_task"),
    ("  ideal", "ideal_queries_per_task"), ("provider calls/min, peak", "provider_rpm_peak"),
    ("  limit (0 = none)", "rpm_limit"), ("HTTP 429 answered", "http_429"),
    ("max submits per request", "max_submits_per_request"),
    ("checks (provider queries)", "checks"), ("broker messages per request", "broker_messages_per_request"),
    ("broker messages per check", "broker_messages_per_check"), ("db writes per request", "db_writes_per_request"),
    ("db writes per check", "db_writes_per_check"),
]
services = ["simulator", "submitter", "poller", "archiver"]
rows += [(f"peak RSS {s} (MiB)", ("peak_rss_mib", s)) for s in services]
rows += [(f"CPU {s} (s)", ("cpu_s", s)) for s in services]
rows += [(f"CPU {s} (s)", ("server_cpu_s", s)) for s in ("rabbitmq", "postgres")]
rows += [("total (s)", "total_s")]

def value(run, key):
    v = run[key[0]].get(key[1]) if isinstance(key, tuple) else run.get(key)
    return "-" if v is None else str(v)

print(f"EvoLink kling-v3-image-to-video, generation {generation:g} s median (lognormal, sigma {sigma:g}), seed {seed}"
      + (", provider callbacks in our run" if callbacks else ""))
print(f"{'':32}" + "".join(f"{label:>12}" for label in labels))
for title, key in rows:
    print(f"{title:32}" + "".join(f"{value(run, key):>12}" for run in runs))

# Where the counted messages and writes went, per check, in each run; "*" marks what the per-check figures count.
def breakdown(title, field, count):
    names = sorted({name for run in runs for name in run.get(field, {})})
    if not names:
        return
    print(f"{title:48}" + "".join(f"{label:>16}" for label in labels))
    for name in names:
        items = [run.get(field, {}).get(name) for run in runs]
        mark = "*" if any(i and i["counted_as"] == "check_loop" for i in items) else " "
        cells = ["-" if i is None else f"{i[count]} ({i['per_check']})" for i in items]
        print(f"{mark} {name[-46:]:46}" + "".join(f"{cell:>16}" for cell in cells))

breakdown("messages published per exchange (per check)", "broker_messages_by_exchange", "messages")
breakdown("rows written per table (per check)", "db_writes_by_table", "writes")

result = dict(runs[0], generation_seconds=generation, generation_sigma=sigma, seed=seed, callbacks=callbacks)
if len(runs) > 1:
    base = runs[1]
    result.update(baseline_lag_p95_s=base["lag_p95_s"], baseline_queries_per_task=base["queries_per_task"],
                  baseline_http_429=base["http_429"], baseline_total_s=base["total_s"],
                  baseline_broker_messages_per_check=base.get("broker_messages_per_check"),
                  baseline_db_writes_per_check=base.get("db_writes_per_check"), baseline=base)
    if runs[0]["lag_p95_s"] and base["lag_p95_s"] and runs[0]["lag_p95_floor_s"] is not None:
        result.update(lag_p95_ratio=round(runs[0]["lag_p95_s"] / base["lag_p95_s"], 3),
                      lag_p95_floor_ratio=round(runs[0]["lag_p95_floor_s"] / base["lag_p95_s"], 3))
        print(f"p95 lag against the baseline's: {result['lag_p95_ratio']}; the floor for polling alone at 1.5 queries/task allows no "
              f"less than {result['lag_p95_floor_ratio']} for these generation times")
print(json.dumps(result))
PY
exit "$status"
