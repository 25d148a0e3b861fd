#!/usr/bin/env bash
# Cross-instance staleness: two instances of the packaged service on one database; changes committed straight to
# PostgreSQL and edits through one instance, reads through the other (bench/staleness.mjs). Prints p50/p99 from the
# commit (or from sending the edit) to the other instance answering the new version.
#   ./mvnw package -DskipTests && DB=newsroom_bench bench/staleness.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${DB:-newsroom_bench}
N=${N:-200}
JAR=target/quarkus-app/quarkus-run.jar
KEY="bench-admin-key-$(date +%s)-0123456789abcdef"
[ -f "$JAR" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
for port in 18094 18095; do
  NEWSROOM_ADMIN_KEY=$KEY QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres QUARKUS_HTTP_PORT=$port \
    QUARKUS_LOG_CONSOLE_LEVEL=WARN NEWSROOM_RATE_LIMIT_ENABLED=false java -Xmx256m -jar "$JAR" > "$work/$port.log" 2>&1 &
  pids+=($!)
done
for port in 18094 18095; do
  for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
done
[ -d bench/peer/node_modules ] || (cd bench/peer && npm ci --no-audit --no-fund >/dev/null)   # node-postgres
node bench/staleness.mjs http://127.0.0.1:18094 http://127.0.0.1:18095 "$KEY" \
  "postgres://postgres:postgres@127.0.0.1:5432/$DB" "$N"
