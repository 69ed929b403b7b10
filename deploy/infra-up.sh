#!/usr/bin/env bash
# Starts the infrastructure the suite needs on this machine and provisions it; safe to run again.
# PostgreSQL: DATABASE_URL, else the machine's server on 127.0.0.1:5432. Kafka: KAFKA_BROKERS, else the
# local broker from deploy/kafka-local.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}

if ! pg_isready -d "$DATABASE_URL" -q 2>/dev/null; then
  if [ "$DATABASE_URL" = "postgres://postgres@127.0.0.1:5432/postgres" ] && command -v pg_ctlcluster >/dev/null; then
    echo "infra: starting the machine's PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
  fi
  for ((waited_s = 0; waited_s < 30; waited_s++)); do pg_isready -d "$DATABASE_URL" -q && break; sleep 1; done
  pg_isready -d "$DATABASE_URL" -q || { echo "infra: PostgreSQL at $DATABASE_URL is not reachable" >&2; exit 1; }
fi

if [ -z "${KAFKA_BROKERS:-}" ]; then
  bash deploy/kafka-local/start.sh
  export KAFKA_BROKERS=127.0.0.1:${KAFKA_PORT:-9092}
fi

[ -f dist/deploy/provision/provision.js ] && [ -z "$(find apps libs deploy -name '*.ts' -newer dist/deploy/provision/provision.js -print -quit)" ] \
  || npm run --silent build
node dist/deploy/provision/provision.js
echo "infra: up (DATABASE_URL=$DATABASE_URL KAFKA_BROKERS=$KAFKA_BROKERS)"
