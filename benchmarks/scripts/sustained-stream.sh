#!/usr/bin/env bash
# Sends the 56-channel, 1 kHz synthetic stream in real time through a pair of pseudo-terminals
# made by socat and reads it with the live path, then reports losses and latencies.
# Usage: benchmarks/scripts/sustained-stream.sh [SECONDS]   (default 60; needs socat and the
# benchmark jar: mvn -B -q package -pl benchmarks -am -DskipTests)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
seconds="${1:-60}"
dir="$(mktemp -d "${TMPDIR:-/tmp}/soleus-pty.XXXXXX")"
socat pty,raw,echo=0,link="$dir/device" pty,raw,echo=0,link="$dir/host" &
socat_pid=$!
trap 'kill "$socat_pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 100); do
    [ -e "$dir/device" ] && [ -e "$dir/host" ] && break
    sleep 0.05
done
java -cp benchmarks/target/benchmarks.jar org.soleus.bench.SustainedStream "$dir/device" "$dir/host" "$seconds"
