#!/usr/bin/env bash
# How fast the PostgreSQL-backed scheduler fires due messages onto RabbitMQ: N messages scheduled through
# MassTransit's ScheduleMessage (as the saga does), all due at once, counted on arrival. Last line: JSON.
#   scripts/bench-scheduler.sh [messages=20000] [instances=1]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/apps.sh
. scripts/lib/apps.sh
scripts/infra.sh up >&2
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 Logging__LogLevel__Default=Warning
dotnet build benchmarks/SchedulerBench -c Release -v quiet -nologo >&2
run_id="schedbench$(date +%s)"
create_sandbox "$run_id"
[ -n "${KEEP_SANDBOX:-}" ] || trap 'drop_sandbox "$run_id"' EXIT
dotnet benchmarks/SchedulerBench/bin/Release/net10.0/SchedulerBench.dll "${1:-20000}" "${2:-1}"
