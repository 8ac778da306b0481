# Sourced by `up` and `test-all`: Node 24 on PATH, the locked dependencies installed, and helpers
# to start the engines for the length of a command.
BUQI_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
# shellcheck source=node.sh
source "$BUQI_ROOT/deploy/local/lib/node.sh"
export NX_NO_CLOUD=true NX_DAEMON="${NX_DAEMON:-false}" SCARF_ANALYTICS=false NX_TUI=false

workspace_ready() {
  cd "$BUQI_ROOT"
  buqi_node_ensure
  # npm ci only when the lockfile changed since the last install: a warm run skips it.
  local stamp="node_modules/.buqi-lock.sha"
  local want; want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "[deps] npm ci (Node $(node --version))" >&2
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" > "$stamp"
  fi
}

# Engines that this command starts are stopped when it ends; engines already running are left
# alone, so a test run never takes down the engines of a running product.
BUQI_STARTED_ENGINES=()
engines_up() {
  local e
  for e in kafka ferretdb redis mailpit s3; do
    if ! bash "$BUQI_ROOT/deploy/local/bin/engines" status "$e" | grep -qE ' (running|external) '; then
      BUQI_STARTED_ENGINES+=("$e")
    fi
  done
  bash "$BUQI_ROOT/deploy/local/bin/engines" start
  eval "$(bash "$BUQI_ROOT/deploy/local/bin/engines" env)"
}

engines_down() {
  local i
  for ((i = ${#BUQI_STARTED_ENGINES[@]} - 1; i >= 0; i--)); do
    bash "$BUQI_ROOT/deploy/local/bin/engines" stop "${BUQI_STARTED_ENGINES[i]}" || true
  done
}
