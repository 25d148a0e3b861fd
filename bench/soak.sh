#!/usr/bin/env bash
# Sustained load: a mixed workload for 10 minutes (bench/lua/mixed.lua: 80 % reads of articles, lists, search and
# feeds, 15 % /changes polls with a partner key, 5 % article creations with an editor key), at the highest rate the
# machine sustains (wrk, closed loop, CONNS connections); partners poll as caught-up ones do, from the head of the
# log. Every 30 s it prints the throughput, p50/p99, socket errors and timeouts (10 s), the answers other than
# 2xx/3xx by status, the service's resident memory and the GC pauses of the interval. Writes go to a copy of the
# database (newsroom_soak, made from DB and dropped at the end), so the benchmark corpus stays as it was.
#   ./mvnw package -DskipTests && N=100000 DB=newsroom_bench bench/load.sh   # once
#   DB=newsroom_bench bench/soak.sh                                          # MINUTES=10 CONNS=16
# Pass: no answer but 429 among the errors, resident memory after the first two minutes within 10 % of its value
# then, p99 stable.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${DB:-newsroom_bench}
SOAK_DB=${SOAK_DB:-newsroom_soak}
MINUTES=${MINUTES:-10}
INTERVAL=${INTERVAL:-30}
CONNS=${CONNS:-16}
API_PORT=${API_PORT:-18094}
JVM_OPTS=${JVM_OPTS:-"-Xms160m -Xmx160m -Xmn40m -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m -Xss512k"}
PSQL=${PSQL:-"runuser -u postgres -- psql"}
JAR=target/quarkus-app/quarkus-run.jar
ADMIN=soak-admin-key-0123456789abcdefghijklmnopqrstuv
for tool in wrk curl jq; do command -v $tool >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done
[ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }

work=$(mktemp -d)
chmod a+rx "$work"
api_pid=
cleanup() {
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null || true
  $PSQL -X -q -c "DROP DATABASE IF EXISTS $SOAK_DB" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "copying $DB to $SOAK_DB"
$PSQL -X -q -c "DROP DATABASE IF EXISTS $SOAK_DB" -c "CREATE DATABASE $SOAK_DB TEMPLATE $DB"
$PSQL -X -At -d "$SOAK_DB" -c "SELECT slug FROM article WHERE status = 'published' AND published_at <= now()
  ORDER BY md5(slug) LIMIT 5000" > "$work/slugs.txt"
$PSQL -X -At -d "$SOAK_DB" -c "SELECT t.slug FROM article_tag at JOIN tag t ON t.id = at.tag_id
  GROUP BY t.slug ORDER BY count(*) DESC LIMIT 50" > "$work/tags.txt"
$PSQL -X -At -d "$SOAK_DB" -c "SELECT word FROM search_word ORDER BY md5(word) LIMIT 2000" > "$work/words.txt"

echo "starting newsroom ($JVM_OPTS)"
# rate limits far above the load, so that what is measured is the service (429s would still be counted)
# shellcheck disable=SC2086
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$SOAK_DB" QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_DATASOURCE_PASSWORD=postgres QUARKUS_HTTP_PORT=$API_PORT QUARKUS_LOG_CONSOLE_LEVEL=WARN \
  NEWSROOM_ADMIN_KEY=$ADMIN NEWSROOM_RATE_LIMIT_ANONYMOUS=100000000 NEWSROOM_RATE_LIMIT_PARTNER=100000000 \
  NEWSROOM_RATE_LIMIT_EDITOR=100000000 MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} \
  java $JVM_OPTS -Xlog:gc:file="$work/gc.log" -jar "$JAR" > "$work/service.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 90); do curl -fsS "http://127.0.0.1:$API_PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
api="http://127.0.0.1:$API_PORT"
key() { curl -fsS -X POST "$api/api/v1/keys" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"name\":\"soak $1\",\"role\":\"$1\"}" | jq -r .key; }
partner=$(key partner); editor=$(key editor)
# the cursor of a partner that is caught up: the head of the change log, written in the format GET /changes issues
head=$($PSQL -X -At -d "$SOAK_DB" -c "SELECT 'c2.' || c.txid || '.' || c.seq || '.' || s.purge_generation
  FROM article_change c, change_log_state s ORDER BY c.txid DESC, c.seq DESC LIMIT 1")
cursor=$(printf '%s' "$head" | base64 -w0 | tr '+/' '-_' | tr -d '=')

gc_ms() { # total GC pause in ms logged so far
  grep -oE 'Pause[^)]*\) [0-9.]+ms$|[0-9.]+ms$' "$work/gc.log" 2>/dev/null | grep -oE '[0-9.]+ms$' \
    | tr -d 'ms' | awk '{s += $1} END {printf "%.0f", s}'
}
gc_max() { # longest GC pause logged after line $1
  tail -n +"$1" "$work/gc.log" | grep -oE '[0-9.]+ms$' | tr -d 'ms' | sort -n | tail -1
}
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$api_pid/status"; }

echo "warming up (30 s)"
wrk -t2 -c"$CONNS" --timeout 10s -d30s -s bench/lua/mixed.lua "$api" -- "$work/slugs.txt" "$work/tags.txt" "$work/words.txt" \
  "$partner" "$editor" "$cursor" > /dev/null
rounds=$(( MINUTES * 60 / INTERVAL ))
printf '%-6s %9s %8s %8s %7s %8s %9s %9s  %s\n' "t(s)" "req/s" "p50 ms" "p99 ms" "errors" "RSS MiB" "GC ms" "GC max" "non-2xx/3xx"
gc_before=$(gc_ms); gc_line=$(($(wc -l < "$work/gc.log") + 1))
for r in $(seq 1 "$rounds"); do
  out=$(wrk -t2 -c"$CONNS" --timeout 10s -d"${INTERVAL}s" -s bench/lua/mixed.lua "$api" -- "$work/slugs.txt" "$work/tags.txt" \
    "$work/words.txt" "$partner" "$editor" "$cursor" | grep '^RESULT')
  gc_now=$(gc_ms); max=$(gc_max "$gc_line"); gc_line=$(($(wc -l < "$work/gc.log") + 1))
  rps=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<< "$out"); p50=$(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<< "$out")
  p99=$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<< "$out"); err=$(sed -E 's/.*socket_errors=([0-9]+).*/\1/' <<< "$out")
  statuses=$(grep -oE ' s[0-9]+=[0-9]+' <<< "$out" | tr -d '\n' || true)
  printf '%-6s %9s %8s %8s %7s %8s %9s %9s %s\n' $((r * INTERVAL)) "$rps" "$p50" "$p99" "$err" "$(rss_mib)" \
    $((gc_now - gc_before)) "${max:-0}" "${statuses:- none}"
  gc_before=$gc_now
done
echo "articles created: $($PSQL -X -At -d "$SOAK_DB" -c "SELECT count(*) FROM article WHERE headline LIKE 'Soak %'")"
grep -E 'ERROR|Unexpected' "$work/service.log" | head -5 || true
