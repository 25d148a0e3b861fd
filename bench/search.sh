#!/usr/bin/env bash
# Search benchmark: drives GET /api/v1/search of the packaged service with wrk (a Lua script picks a random query
# of the class for every request), next to pgbench running the naive ranked SQL (ts_rank_cd over every match,
# top 20) on the same corpus, and prints per query class requests/s, p50 and p99 latency and the ratio.
# Then it measures ranking fidelity (bench/overlap.py).
#   ./mvnw package -DskipTests && N=100000 DB=newsroom_bench bench/load.sh && DB=newsroom_bench bench/search.sh
# NO_CACHE=1 turns off keeping match totals and facets (10 s, longer for costly counts), and answering expired ones
# while they are counted again (every request counts its matches).
# Load and service share the machine's cores: compare ratios from the same run, not absolute numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${DB:-newsroom_bench}
PORT=${PORT:-18091}
DURATION=${DURATION:-20}
CONNS=${CONNS:-8}
WARMUP=${WARMUP:-10}
CLASSES=${CLASSES:-"rare medium frequent two-word phrase mixed frequent+facets"}
PSQL=${PSQL:-"runuser -u postgres -- psql"}
JAR=target/quarkus-app/quarkus-run.jar
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
command -v pgbench >/dev/null || { echo "pgbench is needed: apt-get install postgresql-contrib" >&2; exit 1; }
[ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }

work=$(mktemp -d)
chmod a+rx "$work"
# the queries, URL-encoded for wrk and in a table for pgbench
$PSQL -X -q -d "$DB" -c "DROP TABLE IF EXISTS bench_query" -c "CREATE TABLE bench_query (class text, n int, q text)"
for file in bench/queries/*.txt; do
  class=$(basename "$file" .txt)
  python3 -c 'import sys, urllib.parse
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if line: print(urllib.parse.quote(line, safe=""))' "$file" > "$work/$class.txt"
  n=0
  while IFS= read -r q; do
    [ -n "$q" ] || continue
    n=$((n + 1))
    printf '%s\t%s\t%s\n' "$class" "$n" "$q"
  done < "$file" | $PSQL -X -q -d "$DB" -c "\\copy bench_query FROM STDIN"
done
cp bench/sql/naive-search.sql "$work/" && chmod -R a+rX "$work"

opts=()
[ "${NO_CACHE:-0}" = 1 ] && opts+=("-Dnewsroom.search.fresh-for=0s" "-Dnewsroom.search.stale-for=0s")
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_DATASOURCE_PASSWORD=postgres QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_CONSOLE_LEVEL=WARN \
  NEWSROOM_RATE_LIMIT_ENABLED=false NEWSROOM_SEARCH_VOCABULARY_EVERY=off \
  java -Xms512m -Xmx1g "${opts[@]}" -jar "$JAR" > "$work/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
base="http://127.0.0.1:$PORT"

api() { # seconds file suffix
  wrk -t2 -c"$CONNS" -d"${1}s" --timeout 10s -s bench/lua/pick.lua "$base" -- "$work/$2" "/api/v1/search?q=" "$3" \
    | grep '^RESULT'
}
sql() { # class
  local n
  n=$(wc -l < "bench/queries/$1.txt")
  runuser -u postgres -- pgbench -n -M prepared -h 127.0.0.1 -c "$CONNS" -j 2 -T "$DURATION" -D cls="$1" -D n="$n" \
    -f "$work/naive-search.sql" "$DB" 2>/dev/null | awk '/^tps/ {printf "tps=%.1f", $3} /latency average/ {printf " mean_ms=%s", $4}'
}
field() { sed -E "s/.*$1=([0-9.]+).*/\\1/" <<< "$2"; }

printf '%-16s %10s %9s %9s %7s | %10s %10s | %s\n' class "api req/s" "p50 ms" "p99 ms" errors "naive tps" "mean ms" "api/naive"
for class in $CLASSES; do
  file=${class%+facets}
  suffix=""
  [ "$class" != "$file" ] && suffix="&facets=tag,section"
  api "$WARMUP" "$file.txt" "$suffix" > /dev/null   # warm-up: JIT, buffers
  r=$(api "$DURATION" "$file.txt" "$suffix")
  s=$(sql "$file")
  printf '%-16s %10s %9s %9s %7s | %10s %10s | %.1f\n' "$class" "$(field rps "$r")" "$(field p50_ms "$r")" \
    "$(field p99_ms "$r")" "$(field errors "$r")" "$(field tps "$s")" "$(field mean_ms "$s")" \
    "$(echo "$(field rps "$r") / $(field tps "$s")" | bc -l)"
done

echo
PORT=$PORT DB=$DB python3 bench/overlap.py bench/queries/mixed.txt
