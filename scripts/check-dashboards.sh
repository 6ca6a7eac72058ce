#!/usr/bin/env bash
# Proves the Grafana dashboards on a real Prometheus. Starts RabbitMQ and PostgreSQL (scripts/infra.sh), the provider
# simulator and the three services on free ports in a private vhost + database, and a Prometheus of its own (Debian's,
# installed by infra.sh) that scrapes each service's /metrics (jobs submitter, poller, archiver, as in
# deploy/prometheus.yml) and RabbitMQ's per-queue metrics (job rabbitmq) every second. Runs a small workload that
# touches every panel: completed requests (EvoLink with callbacks and a rate limit of its own, Modellix by polling),
# a 429 that slows a key down, rejections, provider failures, an archive failure, a cancel and poison messages on the
# submitter's queue and the saga's.
# Then evaluates every PromQL expression of every panel in deploy/grafana/dashboards/*.json through Prometheus's
# /api/v1/query, with Grafana's variables replaced ($__range and $__rate_interval: the whole run; $__interval: the
# scrape interval; a dashboard variable: its current value, or .* for All).
#
# One line per panel: OK, EMPTY or ERROR, and how many series each query gave. Exits non-zero when Prometheus refuses
# a query, or a panel has no finite value (no series, or NaN only) unless it is listed in MAY_BE_EMPTY below.
#
#   scripts/check-dashboards.sh     (a failed check keeps .run/dash<time>/; KEEP_SANDBOX=1 keeps it, the vhost and database)
#   CHECK_DASHBOARDS_SETTLE=30      seconds to wait for panels that must have data
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/apps.sh
. scripts/lib/apps.sh

# Panels a short workload may leave without data, by title; each must name a panel that exists.
# Faults by queue: the platform answers provider errors without a consumer fault, and unreadable messages fail before
# any consumer (they show as dead letters); only a bug or an outage (PostgreSQL down) faults a consumer or the saga.
MAY_BE_EMPTY=("Faults by queue")

scripts/infra.sh up >&2
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

run_id="dash$(date +%s)"
work="$PWD/.run/$run_id"
APPS_LOG_DIR="$work/logs"
mkdir -p "$work"

# Only what the check runs, in one build: the simulator, the three services and the CLI.
cat >"$work/apps.slnf" <<EOF
{ "solution": { "path": "$PWD/Platform.sln", "projects": [
  "src/ProviderSimulator/ProviderSimulator.csproj", "src/Submitter.Service/Submitter.Service.csproj",
  "src/Poller.Service/Poller.Service.csproj", "src/Archiver.Service/Archiver.Service.csproj",
  "src/Platform.Cli/Platform.Cli.csproj" ] } }
EOF
echo "building…" >&2
dotnet build "$work/apps.slnf" -c Release -v quiet -nologo >&2

prometheus_pid=""
cleanup() { # EXIT-STATUS: a failed check keeps its logs, Prometheus data and config in $work
  if [ -n "$prometheus_pid" ]; then kill "$prometheus_pid" 2>/dev/null || true; wait "$prometheus_pid" 2>/dev/null || true; fi
  stop_all_apps
  [ -n "${KEEP_SANDBOX:-}" ] || drop_sandbox "$run_id"
  if [ "$1" = 0 ] && [ -z "${KEEP_SANDBOX:-}" ]; then rm -rf "$work"; else echo "kept $work" >&2; fi
}
trap 'cleanup $?' EXIT
create_sandbox "$run_id"

# Ports the kernel hands out now; taken a moment later by the apps, so two checks (or a test run) never collide.
read -r sim_port submitter_port poller_port archiver_port prometheus_port < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(5)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])')
sim="http://127.0.0.1:$sim_port"
poller="http://127.0.0.1:$poller_port"
prometheus="http://127.0.0.1:$prometheus_port"

export Archive__Root="$work/archive" Archive__AllowedHosts__0="127.0.0.1:$sim_port" Logging__LogLevel__Default=Warning
export Polling__FirstRecheckSeconds=1 Polling__RecheckIntervalSeconds=1 Polling__MaxRecheckIntervalSeconds=2
export Polling__DueScanIntervalMilliseconds=100
# A limit of our own on EvoLink's key: every call then waits its turn (video.provider.rate_wait), and a 429 pauses
# the key (video.provider.slowdowns). 600 a minute never holds the workload up.
export Providers__EvoLink__RequestsPerMinute=600
export Callbacks__PublicBaseUrl="$poller" Callbacks__AllowHttp=true
export_callback_signing_key
export_demo_keys
for provider in Modellix MyRouter EvoLink; do export "Providers__${provider}__BaseUrl=$sim"; done

start_app simulator ProviderSimulator "$sim" Simulator__PendingSeconds=1 Simulator__GenerationSeconds=3 \
  Simulator__GenerationDistribution=Uniform Simulator__GenerationSpreadSeconds=1 Simulator__AllowInsecureCallbacks=true
# The shipped price table is empty (prices are the operator's to enter): one price here, so "Spend per caller" has data.
start_app submitter Submitter.Service "http://127.0.0.1:$submitter_port" "Pricing__Models__modellix/kling-v3-i2v__PerSecond=0.1"
start_app poller Poller.Service "$poller"
start_app archiver Archiver.Service "http://127.0.0.1:$archiver_port"

# The same jobs and paths as deploy/prometheus.yml, on loopback; RabbitMQ's queues of this run's vhost only.
cat >"$work/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: submitter
    static_configs: [{ targets: ["127.0.0.1:$submitter_port"] }]
  - job_name: poller
    static_configs: [{ targets: ["127.0.0.1:$poller_port"] }]
  - job_name: archiver
    static_configs: [{ targets: ["127.0.0.1:$archiver_port"] }]
  - job_name: rabbitmq
    metrics_path: /metrics/detailed
    params: { family: [queue_coarse_metrics], vhost: ["$run_id"] }
    static_configs: [{ targets: ["127.0.0.1:15692"] }]
EOF
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
  --web.listen-address="127.0.0.1:$prometheus_port" --log.level=warn >"$APPS_LOG_DIR/prometheus.log" 2>&1 &
prometheus_pid=$!
started=$SECONDS prometheus_started=$(date +%s)

wait_ready "$sim/_sim/stats" simulator
wait_ready "http://127.0.0.1:$submitter_port/health/ready" submitter 90
wait_ready "$poller/health/ready" poller 90
wait_ready "http://127.0.0.1:$archiver_port/health/ready" archiver 90
wait_ready "$prometheus/-/ready" prometheus
echo "services and prometheus ready ($prometheus; logs in $APPS_LOG_DIR)" >&2

# Requests go in through the management API (scripts/publish-generate-video.sh), as from a service in any language:
# no .NET process per request. Each marker tells the simulator what to do with that task.
published=0
publish() { # PROVIDER MODEL PROMPT [REQUEST-ID]
  scripts/publish-generate-video.sh --vhost "$run_id" --provider "$1" --model "$2" --prompt "$3" \
    --image https://example.com/keyframe.jpg --request-id "${4:-$(cat /proc/sys/kernel/random/uuid)}" >/dev/null
  published=$((published + 1))
  sleep 0.3
}
# Raw bytes on an exchange: poison messages that no retry can read.
publish_raw() { # EXCHANGE PAYLOAD
  rmq_api -X POST "http://127.0.0.1:15672/api/exchanges/$run_id/$1/publish" \
    -d "$(jq -n --arg payload "$2" '{properties: {content_type: "application/vnd.masstransit+json", delivery_mode: 2},
      routing_key: "", payload: $payload, payload_encoding: "string"}')" >/dev/null
}
# prom_value PROMQL -> the first value of an instant query, 0 when there is none.
prom_value() {
  curl -fsS -G "$prometheus/api/v1/query" --data-urlencode "query=$1" | jq -r '.data.result[0].value[1] // "0"'
}

echo "workload…" >&2
boat="a paper boat on a rainy street"
stuck=$(cat /proc/sys/kernel/random/uuid)
publish modellix kling-v3-i2v "$boat [sim:stuck]" "$stuck"    # never ends: canceled below
publish evolink kling-v3-image-to-video "$boat"                # callbacks; waits under our own rate limit
publish modellix kling-v3-i2v "$boat"                          # polling only
publish modellix kling-v3-i2v "$boat [sim:fail]"               # the provider fails the task
publish evolink kling-v3-image-to-video "$boat [sim:fail]"
publish modellix kling-v3-i2v "$boat [sim:media-html]"         # completed, but the link gives no video
publish modellix no-such-model "$boat"                         # rejected
# A series appears with its first event already in it, so rate() sees only what comes after a scrape has seen it:
# a second wave once both providers' first videos are archived makes every rate and quantile panel move.
deadline=$((SECONDS + 60))
until [ "$(prom_value 'count(video_archive_size_bytes_count)')" -ge 2 ] 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; do
  sleep 1
done
for _ in 1 2; do
  publish evolink kling-v3-image-to-video "$boat"
  publish modellix kling-v3-i2v "$boat"
done
publish evolink kling-v3-image-to-video "$boat [sim:query-429-once]"   # a 429 that pauses the key
publish evolink kling-v3-image-to-video "$boat [sim:query-429-once]"
publish modellix no-such-model "$boat"
publish_raw "VideoPlatform.Contracts:GenerateVideo" "not a message"
publish_raw "VideoPlatform.Poller.Tasks:TaskStatusObserved" "$(jq -nc --arg id "$stuck" \
  '{messageId: "9d2f3c1e-0000-4000-8000-000000000001", messageType: ["urn:message:VideoPlatform.Poller.Tasks:TaskStatusObserved"],
    message: {requestId: $id, state: "NoSuchState"}}')"
sleep 2
dotnet "$PWD/src/Platform.Cli/bin/Release/net10.0/platform-cli.dll" cancel "$stuck" >"$work/cancel.json" 2>&1 ||
  echo "cancel of $stuck failed: $(cat "$work/cancel.json")" >&2

# Every request has an outcome and every completed one an archive result, as Prometheus sees it.
deadline=$((SECONDS + 90))
until [ "$(prom_value 'sum(video_requests_total)')" -ge "$published" ] 2>/dev/null &&
  [ "$(prom_value 'sum(video_archive_size_bytes_count) + sum(video_archive_failures_total)')" -ge \
    "$(prom_value 'sum(video_requests_total{video_outcome="completed"})')" ] 2>/dev/null; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "not every request reached an outcome within 90 s ($(prom_value 'sum(video_requests_total)') of $published); checking anyway" >&2
    break
  fi
  sleep 1
done
echo "workload done after $((SECONDS - started)) s" >&2

# Evaluates the panels until every one that must have data has it (RabbitMQ's queue figures trail by seconds), at
# most CHECK_DASHBOARDS_SETTLE seconds; prints the last evaluation.
python3 - "$prometheus" "$prometheus_started" "${CHECK_DASHBOARDS_SETTLE:-30}" "${MAY_BE_EMPTY[@]}" <<'PY'
import glob, json, math, re, sys, time, urllib.error, urllib.parse, urllib.request

prometheus, prometheus_started, settle, may_be_empty = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), set(sys.argv[4:])
SCRAPE_SECONDS = 1

def panels(items):
    for panel in items:
        yield panel
        yield from panels(panel.get("panels", []))  # the panels of a collapsed row

def dashboard_variables(dashboard):
    values = {}
    for variable in dashboard.get("templating", {}).get("list", []):
        current = variable.get("current", {}).get("value")
        if isinstance(current, list):
            current = "|".join(current)
        values[variable["name"]] = ".*" if current in (None, "", "$__all") else str(current)
    return values

def substitute(expr, variables, window):
    """Grafana's variables; a range or rate window spans the whole run, as a dashboard showing it would."""
    builtin = {"__rate_interval": f"{window}s", "__range": f"{window}s", "__range_s": str(window),
               "__interval": f"{SCRAPE_SECONDS}s", "__interval_ms": str(SCRAPE_SECONDS * 1000)}
    known = {**variables, **builtin}
    def value(match):
        name = match.group(1) or match.group(2)
        if name not in known:
            raise KeyError(f"unknown variable ${name}")
        return known[name]
    return re.sub(r"\$\{(\w+)(?::\w+)?\}|\$(\w+)", value, expr)

def query(expr):
    """(series, series with a finite value) or the error Prometheus gave."""
    url = f"{prometheus}/api/v1/query?" + urllib.parse.urlencode({"query": expr})
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            body = json.load(response)
    except urllib.error.HTTPError as e:
        body = json.load(e)
    if body.get("status") != "success":
        raise ValueError(body.get("error", "refused"))
    data = body["data"]
    if data["resultType"] == "scalar":
        return 1, int(math.isfinite(float(data["result"][1])))
    if data["resultType"] == "matrix":
        return len(data["result"]), sum(1 for s in data["result"] if any(math.isfinite(float(v)) for _, v in s["values"]))
    return len(data["result"]), sum(1 for s in data["result"] if math.isfinite(float(s["value"][1])))

def evaluate():
    window = int(time.time()) - prometheus_started + 5
    lines, failed, waiting, titles = [], False, False, set()
    for path in sorted(glob.glob("deploy/grafana/dashboards/*.json")):
        dashboard = json.load(open(path))
        variables = dashboard_variables(dashboard)
        for panel in panels(dashboard.get("panels", [])):
            targets = [t for t in panel.get("targets", []) if t.get("expr")]
            if not targets:
                continue
            title = panel.get("title") or f"panel {panel.get('id')}"
            titles.add(title)
            counts, errors, finite = [], [], 0
            for target in targets:
                ref = target.get("refId", "?")
                try:
                    series, numbers = query(substitute(target["expr"], variables, window))
                except (KeyError, ValueError) as e:
                    errors.append(f"{ref}: {e}")
                    counts.append(f"{ref}=?")
                    continue
                counts.append(f"{ref}={series}")
                finite += numbers
            if errors:
                state, failed = "ERROR", True
            elif finite == 0 and title in may_be_empty:
                state = "EMPTY (may be empty)"
            elif finite == 0:
                state, waiting = "EMPTY", True
            else:
                state = "OK"
            detail = f"  {'; '.join(errors)}" if errors else ""
            lines.append(f"{state:<20}  {title}  [series {' '.join(counts)}]{detail}")
    for title in sorted(may_be_empty - titles):
        lines.append(f"ERROR                 MAY_BE_EMPTY names no panel: {title}")
        failed = True
    return lines, failed, waiting

deadline = time.time() + settle
while True:
    lines, failed, waiting = evaluate()
    if failed or not waiting or time.time() >= deadline:
        break
    time.sleep(2)
print("\n".join(lines))
empty = sum(1 for l in lines if l.split("  ")[0].strip() == "EMPTY")
errors = sum(1 for l in lines if l.startswith("ERROR"))
print(f"{len(lines)} panels: {errors} refused, {empty} empty that must have data")
sys.exit(1 if failed or waiting else 0)
PY
