#!/usr/bin/env bash
# Writes a 24-hour, 100 Hz recording in PhysioNet gaitpdb format by concatenating the gaitpdb
# trials shipped in sample-data/ over and over, with the time column made continuous.
# Usage: benchmarks/scripts/make-24h-gaitpdb.sh [OUT] [HOURS]   (default bench-data/GaCo01_24h.txt, 24)
# The body mass of the first trial's subject is kept beside it in a demographics.txt.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$repo/bench-data/GaCo01_24h.txt}
hours=${2:-24}
mkdir -p "$(dirname "$out")"
src=$repo/sample-data/physionet-gaitpdb
rows=$((hours * 3600 * 100))
# The file is named after the first trial's subject so the reader finds its body mass.
awk -v rows="$rows" 'BEGIN { OFS = "\t" }
  FNR == 1 { nfiles++ }
  { sub(/\r$/, ""); line[n++] = $0 }
  END {
    for (i = 0; i < rows; i++) {
      split(line[i % n], f, "\t")
      printf "%.2f", i / 100
      for (c = 2; c <= 19; c++) printf "\t%s", f[c]
      printf "\r\n"
    }
  }' "$src"/GaCo01_01.txt "$src"/GaPt03_01.txt "$src"/JuCo01_01.txt "$src"/SiCo01_01.txt > "$out.tmp"
mv "$out.tmp" "$out"
cp "$src/demographics.txt" "$(dirname "$out")/demographics.txt"
ls -l "$out"
