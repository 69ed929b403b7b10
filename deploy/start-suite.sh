#!/usr/bin/env bash
# npm start: the whole suite on this machine. Installs, starts the infrastructure, builds, runs every service
# as its own process, seeds demo data on an empty system, prints the gateway URL once all are ready.
# Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
# Partners and data owners first, the gateway that fronts them last.
SERVICES=(partner-sim members billpay loans ledger gateway)
READY_TIMEOUT_S=${READY_TIMEOUT_S:-120}

[ -d node_modules ] || npm ci --no-audit --no-fund

kafka_was_running=false
[ -f deploy/kafka-local/data/kafka.pid ] && kill -0 "$(cat deploy/kafka-local/data/kafka.pid)" 2>/dev/null && kafka_was_running=true
bash deploy/infra-up.sh
npm run --silent build

export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
export KAFKA_BROKERS=${KAFKA_BROKERS:-127.0.0.1:9092}
# Secrets: random on the first start, kept in .run/secrets.env (owner only, git-ignored), reused after.
source deploy/suite-secrets.sh
load_suite_secrets .run/secrets.env
export GATEWAY_HTTP_PORT=${GATEWAY_HTTP_PORT:-3000} MEMBERS_HTTP_PORT=${MEMBERS_HTTP_PORT:-3001} BILLPAY_HTTP_PORT=${BILLPAY_HTTP_PORT:-3002}
export LOANS_HTTP_PORT=${LOANS_HTTP_PORT:-3003} LEDGER_HTTP_PORT=${LEDGER_HTTP_PORT:-3004} PARTNER_SIM_HTTP_PORT=${PARTNER_SIM_HTTP_PORT:-3005}
# The adapters talk to partner-sim here; production points AGGREGATOR_URL and BANK_URL at the real partners.
export AGGREGATOR_URL=${AGGREGATOR_URL:-http://127.0.0.1:$PARTNER_SIM_HTTP_PORT} BANK_URL=${BANK_URL:-http://127.0.0.1:$PARTNER_SIM_HTTP_PORT}
export AGGREGATOR_CALLBACK_URL=${AGGREGATOR_CALLBACK_URL:-http://127.0.0.1:$GATEWAY_HTTP_PORT/api/v1/billpay/callbacks/digiflazz}
mkdir -p .run/logs

pids=()
stop_all() {
  trap - INT TERM EXIT
  echo "suite: stopping"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  $kafka_was_running || bash deploy/kafka-local/stop.sh
  exit 0
}
trap stop_all INT TERM EXIT

for service in "${SERVICES[@]}"; do
  node "dist/apps/$service/src/main.js" >> ".run/logs/$service.log" 2>&1 &
  pids+=($!)
  echo "suite: $service started (pid $!, log .run/logs/$service.log)"
done

port_of() {
  case "$1" in
    gateway) echo "$GATEWAY_HTTP_PORT" ;; members) echo "$MEMBERS_HTTP_PORT" ;; billpay) echo "$BILLPAY_HTTP_PORT" ;;
    loans) echo "$LOANS_HTTP_PORT" ;; ledger) echo "$LEDGER_HTTP_PORT" ;; partner-sim) echo "$PARTNER_SIM_HTTP_PORT" ;;
  esac
}
for service in "${SERVICES[@]}"; do
  url="http://127.0.0.1:$(port_of "$service")/health/ready"
  for ((waited_s = 0; ; waited_s++)); do
    curl -fsS "$url" >/dev/null 2>&1 && break
    if ((waited_s >= READY_TIMEOUT_S)); then
      echo "suite: $service not ready after ${READY_TIMEOUT_S}s; last log lines:" >&2
      tail -n 30 ".run/logs/$service.log" >&2
      exit 1
    fi
    sleep 1
  done
  echo "suite: $service ready"
done

node dist/deploy/demo/seed-demo-data.js
echo "suite: ready. Counter app: http://127.0.0.1:$GATEWAY_HTTP_PORT/ (sign in as teller.gedawang or supervisor.gedawang with the DEMO_PASSWORD in .run/secrets.env)"
echo "suite: API: http://127.0.0.1:$GATEWAY_HTTP_PORT/api/v1 (OpenAPI: http://127.0.0.1:$GATEWAY_HTTP_PORT/docs). Ctrl-C stops."
wait -n "${pids[@]}" || true
echo "suite: a service exited; see .run/logs" >&2
exit 1
