#!/usr/bin/env bash
# Sends the 56-channel, 1 kHz synthetic stream in real time through a pair of pseudo-terminals
# made by socat and reads it with the live path, then reports losses, latencies, processor time
# and the load average before and after (other work on the machine delays the threads).
# Usage: benchmarks/scripts/sustained-stream.sh [SECONDS] [wake|poll]   (default 60 wake: the
# consumer is woken by the reader; poll: it polls every 0.1 ms. JVM flags from SOLEUS_JAVA_OPTS.
# Needs socat and the benchmark jar: mvn -B -q package -pl benchmarks -am -DskipTests)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
seconds="${1:-60}"
mode="${2:-wake}"
dir="$(mktemp -d "${TMPDIR:-/tmp}/soleus-pty.XXXXXX")"
socat -d -d pty,raw,echo=0,link="$dir/device" pty,raw,echo=0,link="$dir/host" 2> "$dir/socat.log" &
socat_pid=$!
trap 'kill "$socat_pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
# socat makes each link before it sets its terminal raw, which would undo the read timeout of a
# port opened in between: wait for the line with which it begins to pass data
for _ in $(seq 100); do
    grep -q "starting data transfer loop" "$dir/socat.log" 2>/dev/null && break
    sleep 0.05
done
echo "before: $(uptime)"
# shellcheck disable=SC2086  # SOLEUS_JAVA_OPTS is a list of flags
java ${SOLEUS_JAVA_OPTS:-} -cp benchmarks/target/benchmarks.jar org.soleus.bench.SustainedStream "$dir/device" "$dir/host" "$seconds" "$mode"
echo "after: $(uptime)"
