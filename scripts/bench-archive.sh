#!/usr/bin/env bash
# Benchmark, not a test. Serves a 1 GiB video from the provider simulator and, in alternating rounds (BENCH_ROUNDS,
# default 5), fetches it with curl to a file and to /dev/null and archives it with the archiver's own downloader and
# storage (benchmarks/ArchiveBench: stream, hash, verify, flush to disk, move into place, sidecar), deleting each copy
# at once. Prints every round, the median of each, and the archiver's memory growth. The last line is one JSON object:
#   {"archiver_mb_s":…,"curl_mb_s":…,"ratio":…,"rss_growth_mib":…,"curl_to_file_mb_s":…,"ratio_to_file":…}
# curl_mb_s and ratio are against curl to /dev/null. The goal is a ratio of at least 0.9 with under 100 MiB of
# growth. Needs the .NET SDK and curl only.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
size=$((1 << 30))
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "building (Release)…" >&2
dotnet build src/ProviderSimulator -c Release -v quiet -nologo >&2
dotnet build benchmarks/ArchiveBench -c Release -v quiet -nologo >&2

work=$(mktemp -d "${TMPDIR:-/tmp}/bench-archive.XXXXXX")
sim_pid=""
cleanup() {
  if [ -n "$sim_pid" ]; then kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Port 0: the simulator takes a free loopback port and names it in its startup log.
(cd "$repo/src/ProviderSimulator/bin/Release/net10.0" && exec dotnet ProviderSimulator.dll --urls http://127.0.0.1:0) \
  >"$work/simulator.log" 2>&1 &
sim_pid=$!
base=""
for _ in $(seq 1 100); do
  base=$(sed -n 's/.*Now listening on: \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$work/simulator.log" | head -n 1)
  [ -n "$base" ] && break
  sleep 0.2
done
[ -n "$base" ] || { echo "bench-archive: the simulator did not start; its log:" >&2; cat "$work/simulator.log" >&2; exit 1; }
url="$base/media/large/$size.mp4"
warm_up="$base/media/large/$((16 << 20)).mp4"
echo "simulator at $base; file $url" >&2

dotnet benchmarks/ArchiveBench/bin/Release/net10.0/ArchiveBench.dll "$url" "$warm_up" "${BENCH_ROUNDS:-5}"
