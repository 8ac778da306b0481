# shellcheck shell=bash
# FerretDB 1.24 (MongoDB wire protocol on SQLite), built from the Go module proxy into the cache.
BUQI_FERRETDB_VERSION=1.24.2 # the version pinned in ferretdb/go.mod
FERRETDB_PORT="${BUQI_FERRETDB_PORT:-27217}"
engine_register ferretdb MONGO_URL buqi-ferretdb

# The cache key includes the sources' hash, so an edit to any Go source or go.mod rebuilds.
FERRETDB_DIR="$BUQI_CACHE/ferretdb-$BUQI_FERRETDB_VERSION-$(cat "$BUQI_LOCAL"/ferretdb/{go.mod,go.sum} "$BUQI_LOCAL"/ferretdb/*.go |
  sha256sum | cut -c1-12)"
FERRETDB_BIN="$FERRETDB_DIR/buqi-ferretdb"

ferretdb_ports() { echo "$FERRETDB_PORT BUQI_FERRETDB_PORT"; }
ferretdb_url() { echo "mongodb://$BUQI_HOST:$FERRETDB_PORT/"; }
ferretdb_installed() { [ -x "$FERRETDB_BIN" ]; }

ferretdb_install() {
  command -v go >/dev/null || { log ferretdb "needs Go 1.24 or newer on PATH"; return 1; }
  local tmp
  tmp="$(cache_tmp "$FERRETDB_DIR")"
  log ferretdb "building FerretDB $BUQI_FERRETDB_VERSION into $FERRETDB_DIR"
  # ferretdb_no_postgresql leaves out the backend not used here.
  if ! go_build "$tmp/build.log" "$BUQI_LOCAL/ferretdb" "" \
    build -tags ferretdb_no_postgresql -o "$tmp/buqi-ferretdb" .; then
    cat "$tmp/build.log" >&2
    rm -rf "$tmp"
    return 1
  fi
  cache_commit "$FERRETDB_DIR" "$tmp"
}

ferretdb_launch() {
  # FerretDB's embedded package starts no telemetry reporter; the setting is belt and braces.
  FERRETDB_TELEMETRY=disable spawn ferretdb "$FERRETDB_BIN" \
    -listen "$BUQI_HOST:$FERRETDB_PORT" -data-dir "$(data_dir ferretdb)"
}

# Ready when a MongoDB `ping` over the wire protocol answers ok.
ferretdb_ready() { python3 "$BUQI_LOCAL/lib/mongo_ping.py" "$BUQI_HOST" "$FERRETDB_PORT" 3 2>/dev/null; }
