#!/usr/bin/env bash
# Reads at memory speed: newsroom vs a thin HTTP->SQL peer (bench/peer) vs raw SQL (pgbench), on the same database, in
# one session, alternating, with wrk -t2 -c8 (8 clients). Classes:
#   article  one article by slug            newest   the newest 20          tag   the newest 20 of a popular tag
#   304      a matching If-None-Match        varnish  one article through Varnish (deploy/varnish/newsroom.vcl)
#   rss      GET /feeds/rss (50 items)       sections GET /sections
#   cards    the newest 20 with fields=slug,headline,mainImage,publishedAt (what a list card shows)
# Prints req/s, p50 and p99 per class and system, the ratios, the service's largest resident memory and GC pause.
#   ./mvnw package -DskipTests && N=100000 DB=newsroom_bench bench/load.sh     # once
#   DB=newsroom_bench bench/reads.sh
# Needs wrk, pgbench (postgresql-contrib), Node.js (the peer; `npm ci` in bench/peer is run when needed), and for the
# varnish class varnishd with varnish-modules. The load tools share the cores with everything else: compare the
# ratios of one run.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${DB:-newsroom_bench}
DURATION=${DURATION:-15}
ROUNDS=${ROUNDS:-2}
CONNS=${CONNS:-8}
WARMUP=${WARMUP:-10}
API_PORT=${API_PORT:-18090}
VARNISH_PORT=${VARNISH_PORT:-18092}
PEER_PORT=${PEER_PORT:-18093}
# the JVM settings the README recommends for production (also in src/main/docker/Dockerfile.jvm)
JVM_OPTS=${JVM_OPTS:-"-Xms160m -Xmx160m -Xmn40m -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m -Xss512k"}
PSQL=${PSQL:-"runuser -u postgres -- psql"}
JAR=target/quarkus-app/quarkus-run.jar
for tool in wrk pgbench node curl jq; do command -v $tool >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done
[ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }

work=$(mktemp -d)
chmod a+rx "$work"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
[ -n "${KEEP:-}" ] && trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; echo "kept $work"' EXIT

# inputs: 5,000 random public slugs (also numbered for pgbench), the 20 most used tags
$PSQL -X -q -d "$DB" -c "DROP TABLE IF EXISTS bench_slug" -c "CREATE TABLE bench_slug AS
  SELECT row_number() OVER () AS n, slug FROM (SELECT slug FROM article WHERE status = 'published'
  AND published_at <= now() ORDER BY md5(slug) LIMIT 5000) s" -c "ALTER TABLE bench_slug ADD PRIMARY KEY (n)" \
  -c "DROP TABLE IF EXISTS bench_tag" -c "CREATE TABLE bench_tag AS SELECT row_number() OVER (ORDER BY count(*) DESC,
  t.slug) AS n, t.slug FROM article_tag at JOIN tag t ON t.id = at.tag_id GROUP BY t.slug ORDER BY count(*) DESC LIMIT 20" \
  -c "ALTER TABLE bench_tag ADD PRIMARY KEY (n)" -c "GRANT SELECT ON bench_slug, bench_tag TO PUBLIC"
$PSQL -X -At -d "$DB" -c "SELECT slug FROM bench_slug ORDER BY n" > "$work/slugs.txt"
$PSQL -X -At -d "$DB" -c "SELECT slug FROM bench_tag ORDER BY n" > "$work/tags.txt"
echo "" > "$work/none.txt"
# pgbench runs the peer's statements, with a random slug or tag of the same lists
for class in article newest tag; do
  { [ $class = article ] && echo '\set n random(1, 5000)'; [ $class = tag ] && echo '\set n random(1, 20)';
    grep -v '^--' "bench/sql/reads/$class.sql" \
      | sed -e 's/:slug/(SELECT slug FROM bench_slug WHERE n = :n)/' -e 's/:tag/(SELECT slug FROM bench_tag WHERE n = :n)/'
  } > "$work/$class.sql"
done
chmod a+r "$work"/*

echo "starting newsroom ($JVM_OPTS)"
# shellcheck disable=SC2086
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_DATASOURCE_PASSWORD=postgres QUARKUS_HTTP_PORT=$API_PORT QUARKUS_LOG_CONSOLE_LEVEL=WARN \
  NEWSROOM_RATE_LIMIT_ENABLED=false NEWSROOM_CDN_PURGE_URL="http://127.0.0.1:$VARNISH_PORT/" \
  NEWSROOM_IMAGES_RENDITION_TEMPLATE='https://img.example.com/{path}?w={width}&fit=crop&fp-x={fx}&fp-y={fy}' \
  MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} java $JVM_OPTS -Xlog:gc:file="$work/gc.log" -jar "$JAR" > "$work/service.log" 2>&1 &
api_pid=$!; pids+=("$api_pid")
[ -d bench/peer/node_modules ] || (cd bench/peer && npm ci --no-audit --no-fund >/dev/null)
DATABASE_URL="postgres://postgres:postgres@127.0.0.1:5432/$DB" PORT=$PEER_PORT node bench/peer/server.js \
  > "$work/peer.log" 2>&1 &
pids+=($!)
varnish=0
if [ -x /usr/sbin/varnishd ]; then
  sed -e 's/\.host = "app";/.host = "127.0.0.1";/' -e "s/\.port = \"8080\";/.port = \"$API_PORT\";/" \
    deploy/varnish/newsroom.vcl > "$work/newsroom.vcl"
  /usr/sbin/varnishd -F -n "$work/varnish" -a "127.0.0.1:$VARNISH_PORT" -T 127.0.0.1:0 -f "$work/newsroom.vcl" \
    -s malloc,256m > "$work/varnish.log" 2>&1 &
  pids+=($!); varnish=1
fi
for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$API_PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
for _ in $(seq 1 30); do curl -fsS "http://127.0.0.1:$PEER_PORT/articles" >/dev/null 2>&1 && break; sleep 0.5; done
api="http://127.0.0.1:$API_PORT"
CARD="fields=slug,headline,mainImage,publishedAt"
peer="http://127.0.0.1:$PEER_PORT"
# ETags of 2,000 of the slugs, for the 304 class
head -2000 "$work/slugs.txt" | while read -r slug; do
  echo "/api/v1/articles/$slug $(curl -s -o /dev/null -D - "$api/api/v1/articles/$slug" | tr -d '\r' | sed -n 's/^etag: //Ip')"
done > "$work/etags.txt"

rss_max=0
sample_rss() { local r; r=$(ps -o rss= -p "$api_pid" | tr -d ' '); [ "${r:-0}" -gt "$rss_max" ] && rss_max=$r; true; }

declare -A rps p50 p99
run_wrk() { # key base script args...
  local key=$1 base=$2 script=$3; shift 3
  local out
  out=$(wrk -t2 -c"$CONNS" -d"${DURATION}s" -s "$script" "$base" -- "$@" | grep '^RESULT')
  sample_rss
  rps[$key]=$(echo "${rps[$key]:-0} + $(sed -E 's/.*rps=([0-9.]+).*/\1/' <<< "$out") / $ROUNDS" | bc -l)
  p50[$key]=$(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<< "$out")
  local p; p=$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<< "$out")
  [ "$(echo "$p > ${p99[$key]:-0}" | bc)" = 1 ] && p99[$key]=$p
  local errors; errors=$(sed -E 's/.*errors=([0-9]+).*/\1/' <<< "$out")
  [ "$errors" = 0 ] || echo "  ($key: $errors errors)"
}
run_sql() { # key file
  local out
  out=$(runuser -u postgres -- pgbench -n -M prepared -h 127.0.0.1 -c "$CONNS" -j 2 -T "$DURATION" -f "$work/$2" "$DB" \
    2>/dev/null | awk '/^tps/ {printf "%s", $3}')
  rps[$1]=$(echo "${rps[$1]:-0} + $out / $ROUNDS" | bc -l)
}
api_class() { # class key
  case $1 in
    article) run_wrk "$2" "$api" bench/lua/pick.lua "$work/slugs.txt" /api/v1/articles/ "" ;;
    newest) run_wrk "$2" "$api" bench/lua/pick.lua "$work/none.txt" "/api/v1/articles?pageSize=20" "" ;;
    tag) run_wrk "$2" "$api" bench/lua/pick.lua "$work/tags.txt" "/api/v1/articles?pageSize=20&tag=" "" ;;
    304) run_wrk "$2" "$api" bench/lua/etag.lua "$work/etags.txt" ;;
    varnish) run_wrk "$2" "http://127.0.0.1:$VARNISH_PORT" bench/lua/pick.lua "$work/slugs.txt" /api/v1/articles/ "" ;;
    rss) run_wrk "$2" "$api" bench/lua/pick.lua "$work/none.txt" /api/v1/feeds/rss "" ;;
    sections) run_wrk "$2" "$api" bench/lua/pick.lua "$work/none.txt" /api/v1/sections "" ;;
    cards) run_wrk "$2" "$api" bench/lua/pick.lua "$work/none.txt" "/api/v1/articles?pageSize=20&$CARD" "" ;;
  esac
}
peer_class() { # class key
  case $1 in
    article) run_wrk "$2" "$peer" bench/lua/pick.lua "$work/slugs.txt" /articles/ "" ;;
    newest) run_wrk "$2" "$peer" bench/lua/pick.lua "$work/none.txt" /articles "" ;;
    tag) run_wrk "$2" "$peer" bench/lua/pick.lua "$work/tags.txt" "/articles?tag=" "" ;;
  esac
}
classes=(article newest cards tag 304 rss sections)
[ $varnish = 1 ] && classes+=(varnish)

echo "warming up..."
for class in "${classes[@]}"; do DURATION=$WARMUP api_class "$class" warm; done
DURATION=$WARMUP peer_class article warm; DURATION=$WARMUP peer_class tag warm
unset 'rps[warm]' 'p50[warm]' 'p99[warm]'

for round in $(seq 1 "$ROUNDS"); do
  echo "round $round of $ROUNDS..."
  for class in "${classes[@]}"; do
    api_class "$class" "api:$class"
    case $class in
      article|newest|tag) peer_class "$class" "peer:$class"; run_sql "sql:$class" "$class.sql" ;;
      304) run_sql "sql:304" article.sql ;;  # the read a 304 saves
    esac
  done
done
sample_rss

printf '\n%-9s | %10s %8s %8s | %10s %8s %8s | %10s | %8s %8s\n' class "newsroom" "p50 ms" "p99 ms" "peer" "p50 ms" \
  "p99 ms" "raw SQL" "÷ peer" "÷ SQL"
for class in "${classes[@]}"; do
  a=${rps[api:$class]}; p=${rps[peer:$class]:-}; s=${rps[sql:$class]:-}
  printf '%-9s | %10.0f %8s %8s | %10s %8s %8s | %10s | %8s %8s\n' "$class" "$a" "${p50[api:$class]}" "${p99[api:$class]}" \
    "$([ -n "$p" ] && printf '%.0f' "$p" || echo -)" "${p50[peer:$class]:--}" "${p99[peer:$class]:--}" \
    "$([ -n "$s" ] && printf '%.0f' "$s" || echo -)" \
    "$([ -n "$p" ] && printf '%.2f' "$(echo "$a / $p" | bc -l)" || echo -)" \
    "$([ -n "$s" ] && printf '%.2f' "$(echo "$a / $s" | bc -l)" || echo -)"
done
# GC pauses once started (the full collections of start-up, "Metadata GC Threshold", are not the load's)
pauses=$(grep 'Pause' "$work/gc.log" | grep -v 'Metadata GC Threshold' | grep -oE '[0-9.]+ms$' | sed 's/ms//' | sort -n)
echo
echo "newsroom: largest resident memory $((rss_max / 1024)) MiB; $(echo "$pauses" | grep -c .) GC pauses under load," \
  "p99 $(echo "$pauses" | awk '{a[NR]=$1} END {print a[int(NR*0.99)+0]}') ms, longest $(echo "$pauses" | tail -1) ms"
echo "rounds: $ROUNDS x ${DURATION}s per system and class, $CONNS connections; JVM: $JVM_OPTS"
size() { curl -s -o /dev/null -w '%{size_download}' "$@"; }
echo "bytes of the newest 20: whole summaries $(size "$api/api/v1/articles?pageSize=20") (gzip" \
  "$(size -H 'Accept-Encoding: gzip' "$api/api/v1/articles?pageSize=20")), cards with $CARD" \
  "$(size "$api/api/v1/articles?pageSize=20&$CARD") (gzip $(size -H 'Accept-Encoding: gzip' "$api/api/v1/articles?pageSize=20&$CARD"))"
