#!/usr/bin/env bash
# Drives the packaged service on a generated corpus with wrk, next to pgbench running equivalent raw SQL on the
# same data, and prints requests/s, p50/p99 latency and the ratio to the raw SQL for each query class.
#   ./mvnw package -DskipTests && N=100000 DB=newsroom_bench bench/load.sh && DB=newsroom_bench bench/run.sh
# Load and service share the machine's cores: compare ratios from the same run, not absolute numbers.
# Rate limiting is off (RATE_LIMIT=true keeps it): one load generator is one client address.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${DB:-newsroom_bench}
PORT=${PORT:-18090}
DURATION=${DURATION:-20}
CONNS=${CONNS:-8}
WARMUP=${WARMUP:-15}
PSQL=${PSQL:-"runuser -u postgres -- psql"}
JAR=target/quarkus-app/quarkus-run.jar
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
command -v pgbench >/dev/null || { echo "pgbench is needed: apt-get install postgresql-contrib" >&2; exit 1; }
[ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }

work=$(mktemp -d)
$PSQL -X -At -d "$DB" -c "SELECT slug FROM article WHERE status = 'published' AND published_at <= now()
                           ORDER BY md5(slug) LIMIT 5000" > "$work/slugs.txt"
$PSQL -X -At -d "$DB" -c "SELECT left(slug, 120) FROM bench_popular_tag ORDER BY rn" > "$work/tags.txt"
echo "" > "$work/none.txt"
cp bench/sql/*.sql "$work/" && chmod -R a+rX "$work"

QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_DATASOURCE_PASSWORD=postgres QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_CONSOLE_LEVEL=WARN \
  NEWSROOM_RATE_LIMIT_ENABLED=${RATE_LIMIT:-false} \
  java -Xms512m -Xmx1g -jar "$JAR" > "$work/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
base="http://127.0.0.1:$PORT"

api() { # name file prefix suffix
  wrk -t2 -c"$CONNS" -d"${2}s" -s bench/lua/pick.lua "$base" -- "$work/$3" "$4" "$5" | grep '^RESULT'
}
sql() { # file
  runuser -u postgres -- pgbench -n -M prepared -h 127.0.0.1 -c "$CONNS" -j 2 -T "$DURATION" -f "$work/$1" "$DB" 2>/dev/null \
    | awk '/^tps/ {printf "tps=%.1f", $3} /latency average/ {printf " mean_ms=%s", $4}'
}

declare -A PATHS=(
  [article]="slugs.txt /api/v1/articles/ ''"
  [newest]="none.txt /api/v1/articles?pageSize=20 ''"
  [tag]="tags.txt /api/v1/articles?pageSize=20&tag= ''"
)
printf '%-10s %12s %9s %9s %8s | %12s %9s | %s\n' class "api req/s" "p50 ms" "p99 ms" errors "sql tps" "mean ms" "api/sql"
for class in article newest tag; do
  read -r file prefix suffix <<< "${PATHS[$class]}"
  suffix=${suffix//\'/}
  api "$class" "$WARMUP" "$file" "$prefix" "$suffix" > /dev/null   # warm-up: let the JIT compile the hot path
  r=$(api "$class" "$DURATION" "$file" "$prefix" "$suffix")
  s=$(sql "$class.sql")
  rps=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<< "$r"); p50=$(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<< "$r")
  p99=$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<< "$r"); err=$(sed -E 's/.*errors=([0-9]+).*/\1/' <<< "$r")
  tps=$(sed -E 's/.*tps=([0-9.]+).*/\1/' <<< "$s"); mean=$(sed -E 's/.*mean_ms=([0-9.]+).*/\1/' <<< "$s")
  printf '%-10s %12s %9s %9s %8s | %12s %9s | %.2f\n' "$class" "$rps" "$p50" "$p99" "$err" "$tps" "$mean" \
    "$(echo "$rps / $tps" | bc -l)"
done
