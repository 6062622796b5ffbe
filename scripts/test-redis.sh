# Starts a throwaway Redis for the tests and stops it again; sourced by test.sh.
#   start_test_redis   installs redis-server when missing, starts it in a temporary folder on a
#                      free local port without persistence, and exports EHALSOSTODET_TEST_REDIS
#                      (a StackExchange.Redis connection string)
#   stop_test_redis    stops the server and removes its folder

start_test_redis() {
  if ! command -v redis-server >/dev/null; then
    apt-get update && apt-get install -y --no-install-recommends redis-server || return 1
  fi
  TEST_REDIS_DIR=$(mktemp -d)
  TEST_REDIS_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 56379)
  redis-server --bind 127.0.0.1 --port "$TEST_REDIS_PORT" --save "" --appendonly no --daemonize yes \
    --dir "$TEST_REDIS_DIR" --pidfile "$TEST_REDIS_DIR/redis.pid" --logfile "$TEST_REDIS_DIR/redis.log" || { cat "$TEST_REDIS_DIR/redis.log" >&2; return 1; }
  for _ in $(seq 1 100); do
    if [ "$(redis-cli -p "$TEST_REDIS_PORT" ping 2>/dev/null)" = "PONG" ]; then
      export EHALSOSTODET_TEST_REDIS="127.0.0.1:$TEST_REDIS_PORT"
      echo "Redis started for the tests on port $TEST_REDIS_PORT."
      return 0
    fi
    sleep 0.1
  done
  cat "$TEST_REDIS_DIR/redis.log" >&2
  return 1
}

stop_test_redis() {
  [ -n "${TEST_REDIS_DIR:-}" ] || return 0
  if [ -f "$TEST_REDIS_DIR/redis.pid" ]; then
    kill "$(cat "$TEST_REDIS_DIR/redis.pid")" 2>/dev/null
  fi
  rm -rf "$TEST_REDIS_DIR"
  TEST_REDIS_DIR=""
}
