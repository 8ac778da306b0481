# shellcheck shell=bash
# Apache Kafka in single-node KRaft mode, from its own jars on Maven Central.
BUQI_KAFKA_VERSION="${BUQI_KAFKA_VERSION:-3.9.1}"
KAFKA_PORT="${BUQI_KAFKA_PORT:-29092}"
KAFKA_CONTROLLER_PORT="${BUQI_KAFKA_CONTROLLER_PORT:-29093}"
KAFKA_HEAP="${BUQI_KAFKA_HEAP:--Xmx512m -Xms256m}"
KAFKA_DIR="$BUQI_CACHE/kafka-$BUQI_KAFKA_VERSION"
engine_register kafka KAFKA_BROKERS kafka.Kafka

kafka_ports() {
  echo "$KAFKA_PORT BUQI_KAFKA_PORT"
  echo "$KAFKA_CONTROLLER_PORT BUQI_KAFKA_CONTROLLER_PORT"
}
kafka_url() { echo "$BUQI_HOST:$KAFKA_PORT"; }
kafka_installed() { [ -f "$KAFKA_DIR/libs/kafka_2.13-$BUQI_KAFKA_VERSION.jar" ]; }

kafka_install() {
  need java default-jre-headless
  need mvn maven
  local tmp
  tmp="$(cache_tmp "$KAFKA_DIR")"
  log kafka "fetching Kafka $BUQI_KAFKA_VERSION jars from Maven Central into $KAFKA_DIR"
  if ! mvn -q -B -f "$BUQI_LOCAL/kafka/pom.xml" dependency:copy-dependencies \
    -Dkafka.version="$BUQI_KAFKA_VERSION" -DoutputDirectory="$tmp/libs" >"$tmp/mvn.log" 2>&1; then
    cat "$tmp/mvn.log" >&2
    rm -rf "$tmp"
    return 1
  fi
  cache_commit "$KAFKA_DIR" "$tmp"
}

# kafka_java MAIN ARGS...: runs one of Kafka's command-line tools, quietly and with a small JVM.
kafka_java() {
  timeout "${KAFKA_TOOL_TIMEOUT:-60}" java -Xmx256m -XX:TieredStopAtLevel=1 \
    -Dlog4j.configuration="file:$BUQI_LOCAL/kafka/tools-log4j.properties" -cp "$KAFKA_DIR/libs/*" "$@"
}

kafka_launch() {
  local dir; dir="$(data_dir kafka)"
  mkdir -p "$dir"
  # One cluster id per data dir, kept so that later starts find the formatted storage theirs.
  [ -s "$dir/cluster-id" ] || head -c16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' >"$dir/cluster-id"
  sed -e "s#@PORT@#$KAFKA_PORT#g" -e "s#@CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" \
    -e "s#@LOG_DIRS@#$dir/kraft#g" "$BUQI_LOCAL/kafka/server.properties.tmpl" >"$dir/server.properties"
  if [ ! -f "$dir/kraft/meta.properties" ]; then
    log kafka "formatting storage in $dir/kraft (cluster id $(cat "$dir/cluster-id"))"
    kafka_java kafka.tools.StorageTool format --cluster-id="$(cat "$dir/cluster-id")" \
      -c "$dir/server.properties" >"$dir/format.out" 2>&1 ||
      { cat "$dir/format.out" >&2; fail kafka "storage format failed"; }
  fi
  # shellcheck disable=SC2086 # the heap setting is a list of JVM flags
  spawn kafka java $KAFKA_HEAP -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$BUQI_LOCAL/kafka/log4j.properties" \
    -cp "$KAFKA_DIR/libs/*" kafka.Kafka "$dir/server.properties"
}

# Ready when a client gets metadata naming broker 1 and its API versions: the broker is
# registered and unfenced, not just listening.
kafka_ready() {
  port_open "$KAFKA_PORT" || return 1
  local out
  out="$(KAFKA_TOOL_TIMEOUT=20 kafka_java kafka.admin.BrokerApiVersionsCommand \
    --bootstrap-server "$(kafka_url)" 2>/dev/null)" || return 1
  grep -q "(id: 1 rack" <<<"$out"
}
