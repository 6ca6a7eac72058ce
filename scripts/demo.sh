#!/usr/bin/env bash
# The main job, end to end: starts RabbitMQ and PostgreSQL (scripts/infra.sh), the provider simulator and the
# three services, publishes one video request with the CLI, waits until it is archived, prints the archived
# file's path, checks with ffprobe that it is a video, and stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

scripts/infra.sh up >&2

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
: "${ConnectionStrings__Postgres:=Host=127.0.0.1;Port=5432;Username=platform;Password=platform;Database=platform}"
: "${RabbitMq__Host:=127.0.0.1}"
: "${Archive__Root:=$repo/archive}"
export ConnectionStrings__Postgres RabbitMq__Host Archive__Root
# The simulator accepts the key the services are configured with (the same variables); a real provider's
# key goes here too, never into a file in the repository.
for provider in Modellix MyRouter EvoLink; do
  var="Providers__${provider}__ApiKey"
  export "$var"="${!var:-demo-key-not-secret}"
done

echo "building…" >&2
dotnet build Platform.sln -c Release -v quiet -nologo >&2

logs="$repo/.run/logs"
mkdir -p "$logs"
pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all EXIT

# Each app runs from its output folder so it finds its own appsettings.json.
start() { # name dll url
  local dir="$repo/src/$1/bin/Release/net10.0"
  (cd "$dir" && exec dotnet "$2" --urls "$3") >"$logs/$1.log" 2>&1 &
  pids+=($!)
}
start ProviderSimulator ProviderSimulator.dll http://127.0.0.1:5080
start Submitter.Service Submitter.Service.dll http://127.0.0.1:5081
start Poller.Service Poller.Service.dll http://127.0.0.1:5082
start Archiver.Service Archiver.Service.dll http://127.0.0.1:5083

wait_ready() { # url name
  for _ in $(seq 1 120); do
    curl -fsS "$1" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "demo: $2 did not become ready; see $logs/$2.log" >&2
  return 1
}
wait_ready http://127.0.0.1:5080/_sim/stats ProviderSimulator
wait_ready http://127.0.0.1:5081/health/ready Submitter.Service
wait_ready http://127.0.0.1:5082/health/ready Poller.Service
wait_ready http://127.0.0.1:5083/health/ready Archiver.Service
echo "services ready (logs in $logs)" >&2

cli="$repo/src/Platform.Cli/bin/Release/net10.0/platform-cli.dll"
path=$(dotnet "$cli" submit --provider modellix --model kling-v3-i2v \
  --prompt "A paper boat drifts down a rainy street, camera following at water level" \
  --image https://example.com/keyframe.jpg \
  --option duration=5 --option aspect_ratio=16:9 --option mode=std \
  --wait --timeout 300 | tail -n 1)

kind=$(ffprobe -v error -select_streams v:0 -show_entries stream=codec_type -of csv=p=0 "$path")
if [ "$kind" != "video" ]; then
  echo "demo: $path is not a video according to ffprobe" >&2
  exit 1
fi
echo "Archived video (ffprobe: video stream OK): $path"
