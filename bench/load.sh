#!/usr/bin/env bash
# Fills database $DB on the local PostgreSQL server with N generated articles in newsroom's schema.
#   ./mvnw package -DskipTests && N=100000 DB=newsroom_bench bench/load.sh
# 1. bench/corpus/load.sh generates the corpus into its baseline tables (the raw-SQL baseline);
# 2. the packaged service starts once against $DB, so that Flyway creates newsroom's schema;
# 3. bench/transform.sql copies the corpus into newsroom's tables.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=bench/corpus
N=${N:-100000}
DB=${DB:-newsroom_bench}
PORT=${PORT:-18089}
PSQL=${PSQL:-"runuser -u postgres -- psql"}
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }

if [ "${SKIP_CORPUS:-0}" != 1 ]; then   # SKIP_CORPUS=1: the baseline tables are loaded already
  (cd "$CORPUS" && N="$N" DB="$DB" ./load.sh)
fi

# the baseline tables move to their own schema, so that Flyway finds "public" empty
$PSQL -X -q -d "$DB" -c "CREATE SCHEMA IF NOT EXISTS baseline" -c "DO \$\$ DECLARE t text; BEGIN
  FOREACH t IN ARRAY ARRAY['articles', 'tags', 'article_tags', 'related_links'] LOOP
    IF to_regclass('public.' || t) IS NOT NULL THEN EXECUTE format('ALTER TABLE public.%I SET SCHEMA baseline', t); END IF;
  END LOOP; END \$\$" -c "GRANT USAGE ON SCHEMA baseline TO PUBLIC"

echo "migrating $DB with the packaged service..."
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_DATASOURCE_PASSWORD=postgres QUARKUS_HTTP_PORT=$PORT java -jar "$JAR" > /tmp/newsroom-migrate.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
ready=0
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && { ready=1; break; }
  kill -0 $pid 2>/dev/null || break
  sleep 1
done
[ $ready = 1 ] || { echo "the service did not start; see /tmp/newsroom-migrate.log" >&2; tail -20 /tmp/newsroom-migrate.log >&2; exit 1; }
kill $pid; wait $pid 2>/dev/null || true
trap - EXIT

t0=$(date +%s)
cp bench/transform.sql /tmp/newsroom-transform.sql && chmod a+r /tmp/newsroom-transform.sql
$PSQL -X -q -d "$DB" -f /tmp/newsroom-transform.sql
echo "transform into newsroom's schema: $(( $(date +%s) - t0 ))s"
$PSQL -X -d "$DB" -P pager=off -c "SELECT (SELECT count(*) FROM article) AS articles, (SELECT count(*) FROM tag) AS tags,
  (SELECT count(*) FROM article_tag) AS article_tags, (SELECT count(*) FROM related_link) AS links,
  pg_size_pretty(pg_database_size(current_database())) AS size"
