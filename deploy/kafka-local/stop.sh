#!/usr/bin/env bash
# Stops the broker started by start.sh; the data stays (delete the data folder to start empty).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data_dir=${KAFKA_DATA_DIR:-$here/data}
pid_file=$data_dir/kafka.pid
stop_timeout_s=${KAFKA_STOP_TIMEOUT_S:-30}

if [ ! -f "$pid_file" ] || ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
  echo "kafka-local: not running"
  rm -f "$pid_file"
  exit 0
fi
pid=$(cat "$pid_file")
kill "$pid"
for ((waited_s = 0; waited_s < stop_timeout_s; waited_s++)); do
  if ! kill -0 "$pid" 2>/dev/null; then
    rm -f "$pid_file"
    echo "kafka-local: stopped"
    exit 0
  fi
  sleep 1
done
echo "kafka-local: no clean stop after ${stop_timeout_s}s, killing" >&2
kill -9 "$pid" 2>/dev/null || true
rm -f "$pid_file"
