#!/usr/bin/env bash
# Measures POST /api/v1/articles/import: N generated articles (~500 words each, 3-8 tags) in one NDJSON request
# to the packaged service on a fresh database of the local PostgreSQL server. Prints articles/s.
#   ./mvnw package -DskipTests && N=10000 bench/import.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=bench/corpus
N=${N:-10000}
DB=${DB:-newsroom_import}
PORT=${PORT:-18091}
PSQL=${PSQL:-"runuser -u postgres -- psql"}
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
work=$(mktemp -d)
python3 "$CORPUS/gen_seed.py" --articles "$N" --format ndjson > "$work/corpus.ndjson"
echo "corpus: $N lines, $(du -h "$work/corpus.ndjson" | cut -f1)"
$PSQL -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
KEY="bench-admin-key-$(date +%s)-0123456789abcdef"
NEWSROOM_ADMIN_KEY=$KEY QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
  QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres QUARKUS_HTTP_PORT=$PORT \
  QUARKUS_LOG_CONSOLE_LEVEL=${LOGLEVEL:-WARN} java -Xmx1g -jar "$JAR" > "${SERVICE_LOG:-$work/service.log}" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
# warm-up on a small, separate corpus (the JIT), then the measured run
python3 "$CORPUS/gen_seed.py" --articles 1000 --seed 7 --format ndjson | sed 's/"slug": "/"slug": "warmup-/' > "$work/warmup.ndjson"
curl -sS -o /dev/null -X POST "http://127.0.0.1:$PORT/api/v1/articles/import" -H "Authorization: Bearer $KEY" \
  -H 'Content-Type: application/x-ndjson' --data-binary @"$work/warmup.ndjson"
[ -n "${PROFILE:-}" ] && jcmd $pid JFR.start duration=60s filename="$PROFILE" settings=profile >/dev/null
t0=$(date +%s.%N)
curl -sS -o "$work/report.json" -X POST "http://127.0.0.1:$PORT/api/v1/articles/import" \
  -H "Authorization: Bearer $KEY" -H 'Content-Type: application/x-ndjson' --data-binary @"$work/corpus.ndjson"
t1=$(date +%s.%N)
[ -n "${PROFILE:-}" ] && jcmd $pid JFR.stop >/dev/null 2>&1 || true
python3 - "$work/report.json" "$t0" "$t1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
t = float(sys.argv[3]) - float(sys.argv[2])
tot = r["totals"]
print(f"import: {tot['lines']} lines, {tot['created']} created, {tot['updated']} updated, {tot['failed']} failed "
      f"in {t:.2f} s = {tot['created'] + tot['updated']:.0f} / {t:.2f} = {(tot['created'] + tot['updated']) / t:.0f} articles/s")
PY
