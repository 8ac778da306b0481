# shellcheck shell=bash
# An S3-compatible object store (the S3 REST protocol, path-style, over one bbolt file), built from
# the Go module proxy with a small main.go that embeds gofakes3. work-orders keeps photos there
# when EVIDENCE_STORE=s3. It checks no request signatures: local use only.
S3_PORT="${BUQI_S3_PORT:-19000}"
S3_BUCKETS="${BUQI_S3_BUCKETS:-buqi-evidence}"
engine_register s3 S3_URL buqi-s3

# The cache key is the sources' hash, so an edit to main.go or go.mod rebuilds.
S3_DIR="$BUQI_CACHE/s3-$(cat "$BUQI_LOCAL"/s3/{go.mod,go.sum} "$BUQI_LOCAL"/s3/*.go | sha256sum | cut -c1-12)"
S3_BIN="$S3_DIR/buqi-s3"

s3_ports() { echo "$S3_PORT BUQI_S3_PORT"; }
s3_url() { echo "http://$BUQI_HOST:$S3_PORT"; }
s3_installed() { [ -x "$S3_BIN" ] && command -v curl >/dev/null; }

s3_install() {
  need curl curl
  command -v go >/dev/null || { log s3 "needs Go 1.24 or newer on PATH"; return 1; }
  local tmp
  tmp="$(cache_tmp "$S3_DIR")"
  log s3 "building the local object store into $S3_DIR"
  if ! go_build "$tmp/build.log" "$BUQI_LOCAL/s3" "" build -o "$tmp/buqi-s3" .; then
    cat "$tmp/build.log" >&2
    rm -rf "$tmp"
    return 1
  fi
  cache_commit "$S3_DIR" "$tmp"
}

s3_launch() {
  spawn s3 "$S3_BIN" -listen "$BUQI_HOST:$S3_PORT" -data-dir "$(data_dir s3)" -buckets "$S3_BUCKETS"
}

# Ready when a bucket answers a HEAD over HTTP.
s3_ready() {
  curl -fsS --max-time 3 -o /dev/null -I "$(s3_url)/${S3_BUCKETS%%,*}" 2>/dev/null
}
