#!/usr/bin/env bash
# Runs every test: lint, type check, unit tests, and integration tests against real PostgreSQL and Kafka.
# Uses DATABASE_URL / KAFKA_BROKERS when set; else Testcontainers where a Docker engine runs; else it
# starts the local infrastructure (npm run infra:up) so the command also works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund

if [ -z "${DATABASE_URL:-}" ] || [ -z "${KAFKA_BROKERS:-}" ]; then
  if ! docker info >/dev/null 2>&1; then
    bash deploy/infra-up.sh
    export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
    export KAFKA_BROKERS=${KAFKA_BROKERS:-127.0.0.1:${KAFKA_PORT:-9092}}
  fi
fi

# The counter app's browser tests drive Debian's Chromium (playwright-core downloads no browser of its own).
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "run-tests: installing Debian's chromium for the browser tests"
  if [ "$(id -u)" = 0 ]; then apt_get=(apt-get); else apt_get=(sudo apt-get); fi
  "${apt_get[@]}" update -qq && DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq chromium >/dev/null
fi

# House rules a machine checks (test names; eslint and dependency rules), then the type check.
npm run --silent lint
npm run --silent typecheck
# End-to-end tests run the built services as real processes; browser tests also the built app.
npm run --silent build
# The app's API types must match the gateway's OpenAPI document as it is now.
npm run --silent web:api-types:check
mkdir -p .run
status=0
node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js --runInBand \
  --json --outputFile=.run/jest-results.json "$@" || status=$?
# The plain closing line CI reads: "N passed, N failed".
node -e 'const r = JSON.parse(require("fs").readFileSync(".run/jest-results.json", "utf8"));
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);' || true
exit "$status"
