#!/usr/bin/env bash
# End to end against in process (issue 13): the same real-sized articles, in one run,
#   1. extracted in process by `dossier extract` (the whole CLI process, Release), and
#   2. ingested through the running system (`dotnet run -c Release --project AppHost`, a fresh data folder, seeds off):
#      `dossier ingest DIR --no-wait`, then the queue polled until every article is indexed.
# Prints articles per second of each and the ratio end-to-end / in-process (target ≥ 0.6).
#
#   bench/e2e-ratio.sh                 # 6,000 articles on SQLite
#   ARTICLES=2000 bench/e2e-ratio.sh   # fewer
#   ENGINE=postgres bench/e2e-ratio.sh # ingestion and query on PostgreSQL (scripts/postgres.sh starts a throwaway server)
#
# The articles: the seeds, the dev corpus (../shared/eval/dev/docs, when present) and tests/Dossier.Pipeline.Tests/Articles,
# replicated, each copy ending in a reference line of its own so that no two are the same. WORK (default
# /tmp/dossier-e2e-bench) holds the corpus, the outputs, the data folder and the app host's log. The app host uses fixed
# ports: nothing else may be running on them. The machine is shared: the load average is printed beside each figure.
set -euo pipefail
cd "$(dirname "$0")/.."

ARTICLES=${ARTICLES:-6000}
ENGINE=${ENGINE:-sqlite}
WORK=${WORK:-/tmp/dossier-e2e-bench}
INGESTION=${INGESTION:-http://localhost:5191}
corpus="$WORK/in"
mkdir -p "$WORK"

bench/make-corpus.py "$corpus" --articles "$ARTICLES" --label e2e

bytes=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
echo "corpus: $ARTICLES articles, $bytes bytes in $corpus; engine $ENGINE"

dotnet build -c Release src/Dossier.Cli -v q -nologo >/dev/null
dotnet build -c Release AppHost -v q -nologo >/dev/null
dll=src/Dossier.Cli/bin/Release/net10.0/dossier.dll
load() { cut -d' ' -f1 /proc/loadavg; }
now() { date +%s.%N; }

# 1. In process, twice (the first run warms the page cache and creates the outputs).
mkdir -p "$WORK/out"
dotnet "$dll" extract --in "$corpus" --out "$WORK/out" >/dev/null 2>&1
start=$(now)
/usr/bin/time -f '%U %S' -o "$WORK/extract.time" dotnet "$dll" extract --in "$corpus" --out "$WORK/out" >/dev/null 2>&1
inproc=$(awk -v a="$ARTICLES" -v s="$start" -v e="$(now)" 'BEGIN {printf "%.1f", a / (e - s)}')
cpu=$(awk -v a="$ARTICLES" '{printf "%.2f", ($1 + $2) * 1000 / a}' "$WORK/extract.time")
echo "in process: $inproc articles/s, $cpu ms CPU per article (load $(load))"

# 2. End to end through a fresh system.
data="$WORK/data"
rm -rf "$data"
mkdir -p "$data"
export DOSSIER_DATA_DIR="$data"
extra=()
if [[ "$ENGINE" == postgres ]]; then
    export DOSSIER_PG_DIR="$WORK/pg" DOSSIER_PG_PORT=${DOSSIER_PG_PORT:-55490}
    eval "$(scripts/postgres.sh start)"
    extra=(--ConnectionStrings:dossier="$DOSSIER_TEST_POSTGRES")
fi
setsid dotnet run -c Release --no-build --project AppHost -- --Dossier:Seeds=off "${extra[@]}" >"$WORK/apphost.log" 2>&1 &
apphost=$!
stop() {
    kill -TERM -- -"$apphost" 2>/dev/null || true
    wait "$apphost" 2>/dev/null || true
    if [[ "$ENGINE" == postgres ]]; then scripts/postgres.sh stop >/dev/null || true; fi
}
trap stop EXIT

# Each service's user + system CPU ticks so far (from /proc), "name ticks" per line.
cpu_of_services() {
    for service in Dossier.Ingestion Dossier.Extraction Dossier.Query Dossier.Dashboard Aspire.Dashboard dcp; do
        local total=0 pid t
        for pid in $(pgrep -f "$service" || true); do
            t=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
            total=$((total + t))
        done
        echo "$service $total"
    done
}
queue() { curl -sf "$INGESTION/v1/queue" || echo '{}'; }
field() { python3 -c 'import json, sys; print(json.load(sys.stdin).get(sys.argv[1], 0))' "$1"; }
for _ in $(seq 300); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "$INGESTION/health" || true)" == 200 ]] && break
    sleep 1
done
# The query service answers too (ingestion waits for it, extraction may still be starting: the queue waits for it).
cpu_before=$(cpu_of_services)
start=$(now)
dotnet "$dll" ingest "$corpus" --no-wait >"$WORK/ingest.log" 2>&1
acked=$(now)
while :; do
    status=$(queue)
    indexed=$(field indexed <<<"$status")
    failed=$(field failed <<<"$status")
    if (( indexed + failed >= ARTICLES )); then break; fi
    if (( $(awk -v s="$start" -v n="$(now)" 'BEGIN {print (n - s > 3600)}') )); then
        echo "not all indexed within an hour: $status" >&2
        exit 1
    fi
    sleep 0.5
done
end=$(now)
cpu_after=$(cpu_of_services)
e2e=$(awk -v a="$ARTICLES" -v s="$start" -v e="$end" 'BEGIN {printf "%.1f", a / (e - s)}')
ack=$(awk -v a="$ARTICLES" -v s="$start" -v e="$acked" 'BEGIN {printf "%.1f", a / (e - s)}')
echo "end to end: $e2e articles/s indexed ($ack acknowledged/s; $indexed indexed, $failed failed; load $(load))"
awk -v e="$e2e" -v i="$inproc" 'BEGIN {printf "ratio end-to-end / in-process: %.2f (target >= 0.6)\n", e / i}'


# Where the CPU went during the ingest (start-up excluded): each process's CPU time per article.
ticks=$(getconf CLK_TCK)
join <(sort <<<"$cpu_before") <(sort <<<"$cpu_after") | while read -r service before after; do
    awk -v s="$service" -v t="$((after - before))" -v hz="$ticks" -v a="$ARTICLES" \
        'BEGIN {printf "  %-20s %7.1f s CPU, %5.2f ms per article\n", s, t / hz, t / hz * 1000 / a}'
done
