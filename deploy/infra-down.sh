#!/usr/bin/env bash
# Stops what infra-up started here: the local Kafka broker. The machine's PostgreSQL is left running.
set -euo pipefail
cd "$(dirname "$0")/.."
bash deploy/kafka-local/stop.sh
