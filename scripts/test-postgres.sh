# Starts a throwaway PostgreSQL server for the tests and stops it again; sourced by test.sh.
#   start_test_postgres   installs PostgreSQL when missing, starts a new cluster in a temporary
#                         folder as the postgres user on a free local port, and exports
#                         EHALSOSTODET_TEST_POSTGRES (a connection string for the postgres role)
#   stop_test_postgres    stops the server and removes its folder

start_test_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt-get update && apt-get install -y --no-install-recommends postgresql postgresql-contrib || return 1
  fi
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  TEST_POSTGRES_DIR=$(mktemp -d)
  TEST_POSTGRES_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
  chown postgres "$TEST_POSTGRES_DIR" 2>/dev/null
  as_postgres() {
    if [ "$(id -un)" = "postgres" ]; then sh -c "$1"; else runuser -u postgres -- sh -c "$1"; fi
  }
  TEST_POSTGRES_BIN="$bin"
  # C.UTF-8 folds å, ä and ö to lower case as the swedish text search configuration expects.
  as_postgres "'$bin/initdb' -D '$TEST_POSTGRES_DIR/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >'$TEST_POSTGRES_DIR/initdb.log' 2>&1" || { cat "$TEST_POSTGRES_DIR/initdb.log" >&2; return 1; }
  as_postgres "'$bin/pg_ctl' -D '$TEST_POSTGRES_DIR/data' -l '$TEST_POSTGRES_DIR/server.log' -w -o \"-p $TEST_POSTGRES_PORT -k '$TEST_POSTGRES_DIR' -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start >/dev/null" \
    || { cat "$TEST_POSTGRES_DIR/server.log" >&2; return 1; }
  export EHALSOSTODET_TEST_POSTGRES="Host=127.0.0.1;Port=$TEST_POSTGRES_PORT;Username=postgres;Password=unused"
  echo "PostgreSQL started for the tests on port $TEST_POSTGRES_PORT."
}

stop_test_postgres() {
  [ -n "${TEST_POSTGRES_DIR:-}" ] || return 0
  if [ "$(id -un)" = "postgres" ]; then
    "$TEST_POSTGRES_BIN/pg_ctl" -D "$TEST_POSTGRES_DIR/data" -m fast stop >/dev/null 2>&1
  else
    runuser -u postgres -- "$TEST_POSTGRES_BIN/pg_ctl" -D "$TEST_POSTGRES_DIR/data" -m fast stop >/dev/null 2>&1
  fi
  rm -rf "$TEST_POSTGRES_DIR"
  TEST_POSTGRES_DIR=""
}
