#!/usr/bin/env bash
# The main job, end to end: starts RabbitMQ and PostgreSQL (scripts/infra.sh), the provider simulator and the
# three services, publishes one video request with the CLI, waits until it is archived, prints the archived
# file's path, checks with ffprobe that it is a video, and stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
# shellcheck source=lib/apps.sh
. scripts/lib/apps.sh

scripts/infra.sh up >&2

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
: "${ConnectionStrings__Postgres:=Host=127.0.0.1;Port=5432;Username=platform;Password=platform;Database=platform}"
: "${RabbitMq__Host:=127.0.0.1}"
: "${Archive__Root:=$repo/archive}"
export ConnectionStrings__Postgres RabbitMq__Host Archive__Root
export_demo_keys
export_callback_signing_key

build_release
trap stop_all_apps EXIT
# Local callbacks: the simulator calls the poller back over plain http on loopback, which real providers refuse.
start_app ProviderSimulator ProviderSimulator http://127.0.0.1:5080 Simulator__AllowInsecureCallbacks=true
start_app Submitter.Service Submitter.Service http://127.0.0.1:5081 \
  Callbacks__PublicBaseUrl=http://127.0.0.1:5082 Callbacks__AllowHttp=true
start_app Poller.Service Poller.Service http://127.0.0.1:5082
# The simulator's loopback address is the one internal host the archiver may fetch from; none is allowed by default.
start_app Archiver.Service Archiver.Service http://127.0.0.1:5083 Archive__AllowedHosts__0=127.0.0.1:5080
wait_ready http://127.0.0.1:5080/_sim/stats ProviderSimulator
wait_ready http://127.0.0.1:5081/health/ready Submitter.Service
wait_ready http://127.0.0.1:5082/health/ready Poller.Service
wait_ready http://127.0.0.1:5083/health/ready Archiver.Service
echo "services ready (logs in $APPS_LOG_DIR)" >&2

cli="$repo/src/Platform.Cli/bin/Release/net10.0/platform-cli.dll"
# EvoLink: it gives an estimate and calls back, so the result is seen the moment the simulator finishes.
path=$(dotnet "$cli" submit --provider evolink --model kling-v3-image-to-video \
  --prompt "A paper boat drifts down a rainy street, camera following at water level" \
  --image https://example.com/keyframe.jpg \
  --option duration=5 --option quality=720p \
  --wait --timeout 300 | tail -n 1)

kind=$(ffprobe -v error -select_streams v:0 -show_entries stream=codec_type -of csv=p=0 "$path")
if [ "$kind" != "video" ]; then
  echo "demo: $path is not a video according to ffprobe" >&2
  exit 1
fi
echo "Archived video (ffprobe: video stream OK): $path"
