# shellcheck shell=bash
# Redis from Debian's redis-server package, AOF on and no eviction (BullMQ's queues live there).
REDIS_PORT="${BUQI_REDIS_PORT:-16379}"
engine_register redis REDIS_URL redis-server

redis_ports() { echo "$REDIS_PORT BUQI_REDIS_PORT"; }
redis_url() { echo "redis://$BUQI_HOST:$REDIS_PORT"; }
redis_installed() { command -v redis-server >/dev/null && command -v redis-cli >/dev/null; }

redis_install() {
  log redis "apt-get install redis-server"
  apt_install redis-server
}

redis_launch() {
  # Not daemonized: spawn keeps the pid and the log. --save '': AOF alone is the persistence.
  spawn redis redis-server --bind "$BUQI_HOST" --port "$REDIS_PORT" --daemonize no \
    --appendonly yes --maxmemory-policy noeviction --save '' --dir "$(data_dir redis)"
}

redis_ready() {
  [ "$(timeout 5 redis-cli -h "$BUQI_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]
}
