# shellcheck shell=bash
# Mailpit: a mail server with a web inbox and an HTTP API, built from the Go module proxy into the
# cache. The services send e-mail to its SMTP port; people read it at the HTTP port, tests through
# its API (/api/v1/messages, /api/v1/search).
BUQI_MAILPIT_VERSION="${BUQI_MAILPIT_VERSION:-1.33.1}"
MAILPIT_SMTP_PORT="${BUQI_MAILPIT_SMTP_PORT:-11025}"
MAILPIT_HTTP_PORT="${BUQI_MAILPIT_HTTP_PORT:-18025}"
# Messages kept; older ones are pruned (Mailpit's default is 500).
MAILPIT_MAX="${BUQI_MAILPIT_MAX:-5000}"
MAILPIT_DIR="$BUQI_CACHE/mailpit-$BUQI_MAILPIT_VERSION"
MAILPIT_BIN="$MAILPIT_DIR/mailpit"
engine_register mailpit SMTP_URL "$MAILPIT_BIN"

mailpit_ports() {
  echo "$MAILPIT_SMTP_PORT BUQI_MAILPIT_SMTP_PORT"
  echo "$MAILPIT_HTTP_PORT BUQI_MAILPIT_HTTP_PORT"
}
mailpit_url() { echo "smtp://$BUQI_HOST:$MAILPIT_SMTP_PORT"; }
mailpit_api_url() { echo "http://$BUQI_HOST:$MAILPIT_HTTP_PORT"; }

# Beside SMTP_URL, where the inbox is read. An external SMTP server has no Mailpit API unless
# MAILPIT_API_URL says where it is.
mailpit_more_env() {
  local api
  if [ -n "$(external_url mailpit)" ]; then api="${MAILPIT_API_URL:-}"; else api="$(mailpit_api_url)"; fi
  [ -z "$api" ] || printf 'export MAILPIT_API_URL=%q\n' "$api"
}

mailpit_installed() { [ -x "$MAILPIT_BIN" ] && command -v curl >/dev/null; }

mailpit_install() {
  need curl curl
  [ -x "$MAILPIT_BIN" ] && return 0
  command -v go >/dev/null || { log mailpit "needs Go 1.24 or newer on PATH"; return 1; }
  local tmp
  tmp="$(cache_tmp "$MAILPIT_DIR")"
  log mailpit "building Mailpit $BUQI_MAILPIT_VERSION into $MAILPIT_DIR"
  # `go install module@version` builds outside any module, with the versions Mailpit's go.mod pins.
  # The -X flag gives the binary its version (it says "dev" otherwise).
  if ! GOBIN="$tmp" go_build "$tmp/build.log" "$tmp" \
    "-X github.com/axllent/mailpit/config.Version=v$BUQI_MAILPIT_VERSION" \
    install "github.com/axllent/mailpit@v$BUQI_MAILPIT_VERSION"; then
    cat "$tmp/build.log" >&2
    rm -rf "$tmp"
    return 1
  fi
  cache_commit "$MAILPIT_DIR" "$tmp"
}

mailpit_launch() {
  # Loopback only; no update check (it would call out to the internet); no reverse DNS of clients;
  # any SMTP login accepted, so an SMTP_URL with a user and password works too. POP3 stays off
  # (it starts only with an auth file).
  spawn mailpit "$MAILPIT_BIN" \
    --smtp "$BUQI_HOST:$MAILPIT_SMTP_PORT" --listen "$BUQI_HOST:$MAILPIT_HTTP_PORT" \
    --database "$(data_dir mailpit)/mailpit.db" --max "$MAILPIT_MAX" \
    --disable-version-check --smtp-disable-rdns --smtp-auth-accept-any --smtp-auth-allow-insecure
}

# Ready when its HTTP API answers and its SMTP port takes connections.
mailpit_ready() {
  curl -fsS --max-time 3 -o /dev/null "$(mailpit_api_url)/livez" 2>/dev/null &&
    port_open "$MAILPIT_SMTP_PORT"
}
