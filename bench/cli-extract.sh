#!/usr/bin/env bash
# Whole-process speed of `dossier extract` (start-up, knowledge load, JIT, reading and writing files included).
#
# Builds a corpus of at least TARGET_MB MB (10^6 bytes) of articles in $WORK/in: the seeds, the dev corpus
# (../shared/eval/dev/docs, when present) and tests/Dossier.Pipeline.Tests/Articles/*.txt, replicated, each copy
# ending in a line of its own so that no two files are the same. Then it builds the CLI in Release, extracts once
# untimed (the outputs then exist: a measured run overwrites them, as a repeated extract does; creating ~12,000 files
# right after deleting as many costs ext4 seconds of system time in its inode allocator), and runs RUNS times each,
# under /usr/bin/time:
#   dotnet-run  `dotnet run -c Release --no-build --project src/Dossier.Cli -- extract ...` (what a developer types),
#   dll         the built dossier.dll directly (no `dotnet run` in front),
#   startup     the built dossier.dll on an empty folder (runtime start, knowledge load, no article),
#   run-empty   `dotnet run` on an empty folder (what `dotnet run` itself adds).
# Each line: wall time, MB/s over the whole process, user and system CPU seconds, peak memory, load average.
# The machine is shared: compare CPU seconds when the load average is high, wall times only on a quiet machine.
#
#   bench/cli-extract.sh                      # 20 MB corpus, default threads (one per processor)
#   TARGET_MB=40 RUNS=5 bench/cli-extract.sh --threads 1
# Extra arguments go to `extract`. WORK (default /tmp/dossier-cli-bench) holds the corpus, outputs and logs.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET_MB=${TARGET_MB:-20}
WORK=${WORK:-/tmp/dossier-cli-bench}
corpus="$WORK/in"
mkdir -p "$WORK"

bench/make-corpus.py "$corpus" --megabytes "$TARGET_MB" --label bench

bytes=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
files=$(find "$corpus" -name '*.txt' | wc -l)
echo "corpus: $files files, $bytes bytes in $corpus"

dotnet build -c Release src/Dossier.Cli -v q -nologo >/dev/null
dll=src/Dossier.Cli/bin/Release/net10.0/dossier.dll

RUNS=${RUNS:-3}
measure() {  # label, bytes, command...
    local label=$1 size=$2 log="$WORK/time-$1.log"
    shift 2
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f 'TIME %e %U %S %M' "$@" 2>"$log" >/dev/null || { cat "$log" >&2; return 1; }
        grep '^TIME' "$log" | awk -v l="$label" -v b="$size" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
            '{printf "%-10s %7.2f s  %6.1f MB/s  user %5.2f s  sys %5.2f s  peak %4d MiB  load %s\n", l, $2, (b > 0 ? b / 1e6 / $2 : 0), $3, $4, $5 / 1024, load}'
    done
    grep -h '^extracted\|^runtime' "$log" | sed 's/^/           /' || true
}

mkdir -p "$WORK/empty" "$WORK/out"
dotnet "$dll" extract --in "$corpus" --out "$WORK/out" "$@" >/dev/null 2>&1
measure dotnet-run "$bytes" dotnet run -c Release --no-build --project src/Dossier.Cli -- extract --in "$corpus" --out "$WORK/out" "$@"
measure dll "$bytes" dotnet "$dll" extract --in "$corpus" --out "$WORK/out" --verbose "$@"
measure startup 0 dotnet "$dll" extract --in "$WORK/empty" --out "$WORK/out" --verbose "$@"
measure run-empty 0 dotnet run -c Release --no-build --project src/Dossier.Cli -- extract --in "$WORK/empty" --out "$WORK/out" "$@"
