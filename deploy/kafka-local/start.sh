#!/usr/bin/env bash
# Starts the real Apache Kafka 4.x broker (KRaft, single node) from its Maven Central jars.
# Idempotent: a second start finds the broker running and exits 0. Returns once the broker serves requests.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data_dir=${KAFKA_DATA_DIR:-$here/data}
port=${KAFKA_PORT:-9092}
controller_port=${KAFKA_CONTROLLER_PORT:-9093}
start_timeout_s=${KAFKA_START_TIMEOUT_S:-90}
pid_file=$data_dir/kafka.pid
lib_dir=$here/target/lib

is_running() { [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; }
accepts_connections() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

if is_running; then
  echo "kafka-local: already running (pid $(cat "$pid_file")) on 127.0.0.1:$port"
  exit 0
fi

if ! ls "$lib_dir"/kafka_2.13-*.jar >/dev/null 2>&1; then
  echo "kafka-local: fetching the broker jars from Maven Central"
  mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies -DoutputDirectory="$lib_dir" -DincludeScope=runtime
fi

mkdir -p "$data_dir/logs"
config=$data_dir/server.properties
sed -e "s|@PORT@|$port|g" -e "s|@CONTROLLER_PORT@|$controller_port|g" -e "s|@DATA_DIR@|$data_dir|g" \
  "$here/server.properties.template" > "$config"

java_cmd=(java -Xms256m -Xmx${KAFKA_HEAP:-1g} -XX:+UseG1GC
  -Dlog4j2.configurationFile="$here/log4j2.properties" -Dkafka.logs.dir="$data_dir/logs"
  -cp "$lib_dir/*")

if [ ! -f "$data_dir/kraft/meta.properties" ]; then
  cluster_id=$("${java_cmd[@]}" kafka.tools.StorageTool random-uuid)
  echo "kafka-local: formatting storage (cluster $cluster_id)"
  "${java_cmd[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$config" --standalone > "$data_dir/logs/format.log"
fi

if accepts_connections; then
  echo "kafka-local: port $port is taken by another process" >&2
  exit 1
fi

nohup "${java_cmd[@]}" kafka.Kafka "$config" > "$data_dir/logs/stdout.log" 2>&1 &
echo $! > "$pid_file"

for ((waited_s = 0; waited_s < start_timeout_s; waited_s++)); do
  if ! is_running; then
    echo "kafka-local: broker exited during start; see $data_dir/logs" >&2
    tail -n 20 "$data_dir/logs/stdout.log" "$data_dir/logs/server.log" >&2 || true
    exit 1
  fi
  if accepts_connections && grep -q "Kafka Server started" "$data_dir/logs/server.log" 2>/dev/null; then
    echo "kafka-local: broker ready on 127.0.0.1:$port (pid $(cat "$pid_file"))"
    exit 0
  fi
  sleep 1
done
echo "kafka-local: broker not ready after ${start_timeout_s}s; see $data_dir/logs" >&2
exit 1
