# shellcheck shell=bash
# Shared helpers for the local engine scripts (sourced by bin/engines).
# An engine NAME is described by lib/NAME.sh, which defines:
#   NAME_ports            lines "PORT SETTING": the ports it listens on, which must be free
#   NAME_url              the connection string for the app
#   NAME_installed/NAME_install   the cached install
#   NAME_launch           starts it in the background through `spawn`
#   NAME_ready            true once it really answers
#   NAME_more_env         (optional) prints further `export VAR=value` lines for `engines env`
# and calls `engine_register NAME APP_VARIABLE MATCH` (MATCH: a string in the engine's command line).

BUQI_LOCAL="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUQI_ROOT="$(cd "$BUQI_LOCAL/../.." && pwd)"
BUQI_HOME="${BUQI_HOME:-$BUQI_ROOT/.buqi}"
BUQI_CACHE="${BUQI_CACHE:-$HOME/.cache/buqi}"
BUQI_ENGINE_TIMEOUT="${BUQI_ENGINE_TIMEOUT:-90}"
BUQI_STOP_TIMEOUT="${BUQI_STOP_TIMEOUT:-30}"
BUQI_HOST=127.0.0.1
# Absolute, because engines keep these paths after the caller's directory changes.
case "$BUQI_HOME" in /*) ;; *) BUQI_HOME="$PWD/$BUQI_HOME" ;; esac
case "$BUQI_CACHE" in /*) ;; *) BUQI_CACHE="$PWD/$BUQI_CACHE" ;; esac

declare -A ENGINE_VAR ENGINE_MATCH
engine_register() { ENGINE_VAR[$1]="$2"; ENGINE_MATCH[$1]="$3"; }

log() { echo "[$1] ${*:2}" >&2; }
fail() { log "$1" "FAILED: ${*:2}"; exit 1; }

data_dir() { echo "$BUQI_HOME/data/$1"; }
log_file() { echo "$BUQI_HOME/logs/$1.log"; }
pid_file() { echo "$BUQI_HOME/run/$1.pid"; }

# A TCP connect, not a bind test: it also sees servers bound to 0.0.0.0 or by another user.
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$BUQI_HOST/$1" 2>/dev/null; }

# "(NAME, pid N)" of the listener on a port, when ss can tell.
port_owner() {
  command -v ss >/dev/null || return 0
  ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*users:(("\([^"]*\)",pid=\([0-9]*\).*/(\1, pid \2)/p' | head -1
}

# The pid of our running engine, or nothing. The command-line check guards against a reused pid.
engine_pid() {
  local pf pid
  pf="$(pid_file "$1")"
  [ -f "$pf" ] || return 0
  pid="$(cat "$pf")"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null &&
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "${ENGINE_MATCH[$1]}"; then
    echo "$pid"
  fi
}

rss_mib() { awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }

external_url() { local var="${ENGINE_VAR[$1]}"; echo "${!var:-}"; }

log_tail() {
  local lf; lf="$(log_file "$1")"
  [ -s "$lf" ] || { echo "(log $lf is empty)" >&2; return 0; }
  echo "----- last lines of $lf -----" >&2
  tail -n "${BUQI_LOG_TAIL:-30}" "$lf" >&2
  echo "-----" >&2
}

# spawn ENGINE CMD...: runs CMD detached (own session, so closing the terminal spares it) in its
# data dir (where a JVM crash report lands), output to its log. The subshell and setsid exec in
# place, so $! is the engine's own pid; 9>&- keeps the lock out of the engine.
spawn() {
  local e="$1"; shift
  local lf; lf="$(log_file "$e")"
  mkdir -p "$BUQI_HOME/logs" "$BUQI_HOME/run" "$(data_dir "$e")"
  [ -f "$lf" ] && mv -f "$lf" "$lf.1"
  echo "=== $(date -u +%FT%TZ) starting: $*" >"$lf"
  (cd "$(data_dir "$e")" && exec setsid "$@") </dev/null >>"$lf" 2>&1 9>&- &
  echo $! >"$(pid_file "$e")"
}

wait_ready() {
  local e="$1" pid="$2" deadline=$((SECONDS + BUQI_ENGINE_TIMEOUT))
  until "${e}_ready"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$(pid_file "$e")"
      log_tail "$e"
      fail "$e" "process $pid exited during start-up (see $(log_file "$e"))"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      log_tail "$e"
      fail "$e" "not ready after ${BUQI_ENGINE_TIMEOUT}s (pid $pid left running for a later start" \
        "to reuse, or for 'engines stop $e'; see $(log_file "$e"))"
    fi
    sleep 1
  done
}

# One start/stop at a time per BUQI_HOME (parallel test runs, two terminals): otherwise both
# could find the port free, launch, and leave a pid file naming the loser.
take_lock() {
  mkdir -p "$BUQI_HOME/run"
  exec 9>"$BUQI_HOME/run/engines.lock"
  flock -n 9 && return 0
  echo "[engines] waiting for another start/stop using $BUQI_HOME" >&2
  flock 9
}

# Atomic install into the cache: build in DIR.partial.PID (cache_tmp DIR prints it, after removing
# those of installs that died), then cache_commit DIR TMP renames it, so an interrupted install
# never leaves a half cache.
cache_tmp() {
  local d
  for d in "$1".partial.*; do
    [ -e "$d" ] && ! kill -0 "${d##*.}" 2>/dev/null && rm -rf "$d"
  done
  mkdir -p "$1.partial.$$" && echo "$1.partial.$$"
}

cache_commit() {
  if [ -e "$1" ]; then rm -rf "$2"; else mv "$2" "$1"; fi # another install may have won the race
}

# go_build LOG DIR LDFLAGS GO_ARGS... PACKAGE: runs `go GO_ARGS -trimpath [-ldflags=LDFLAGS] PACKAGE`
# in DIR, its output in LOG. GOTOOLCHAIN=local builds with the machine's Go and never fetches a
# toolchain; modules come through GOPROXY as the environment or Go's defaults set it. Newer Go
# toolchains refuse some go:linkname uses in dependencies: such a build is tried again once with
# -checklinkname=0 added to the linker flags.
go_build() {
  local log="$1" dir="$2" ldflags="$3"; shift 3
  local args=("${@:1:$#-1}") pkg="${!#}" flags
  command -v go >/dev/null || { echo "go not found: needs Go 1.24 or newer on PATH" >"$log"; return 1; }
  for flags in "$ldflags" "${ldflags:+$ldflags }-checklinkname=0"; do
    if (cd "$dir" && GOTOOLCHAIN=local CGO_ENABLED=0 \
      go "${args[@]}" -trimpath ${flags:+"-ldflags=$flags"} "$pkg") >"$log" 2>&1; then
      return 0
    fi
    grep -q linkname "$log" || return 1
  done
  return 1
}

# One apt-get at a time: the test command's set-up installs several things side by side, and
# apt-get gives up at once when another holds its lock.
apt_install() {
  mkdir -p "$BUQI_CACHE"
  (
    flock 7
    apt-get -o DPkg::Lock::Timeout=300 update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq "$@" >/dev/null
  ) 7>"$BUQI_CACHE/apt.lock"
}

# need CMD DEBIAN_PACKAGE: installs the package from Debian when the command is missing.
need() {
  command -v "$1" >/dev/null && return 0
  echo "[setup] $1 not found; installing Debian package $2" >&2
  if ! apt_install "$2"; then echo "[setup] FAILED: apt-get install $2" >&2; exit 1; fi
}

engine_install() {
  if "${1}_installed"; then return 0; fi
  local t0=$SECONDS
  log "$1" "installing (once)"
  "${1}_install" || fail "$1" "install failed"
  log "$1" "installed in $((SECONDS - t0))s"
}

engine_start() {
  local e="$1" ext pid port
  ext="$(external_url "$e")"
  if [ -n "$ext" ]; then log "$e" "using external ${ENGINE_VAR[$e]}=$ext"; return 0; fi

  pid="$(engine_pid "$e")"
  if [ -n "$pid" ]; then
    if ! "${e}_ready"; then
      log "$e" "pid $pid is running but not answering yet; waiting"
      wait_ready "$e" "$pid"
    fi
    log "$e" "already running (pid $pid), reusing it at $("${e}_url")"
    return 0
  fi
  rm -f "$(pid_file "$e")"

  local setting
  while read -r port setting; do
    if port_open "$port"; then
      fail "$e" "port $BUQI_HOST:$port is already in use by another process" \
        "$(port_owner "$port"); stop it, or choose another port with $setting"
    fi
  done < <("${e}_ports")

  engine_install "$e"
  local t0=$SECONDS
  "${e}_launch"
  pid="$(cat "$(pid_file "$e")")"
  log "$e" "started pid $pid; waiting up to ${BUQI_ENGINE_TIMEOUT}s for it to answer"
  wait_ready "$e" "$pid"
  log "$e" "ready in $((SECONDS - t0))s at $("${e}_url") (pid $pid, log $(log_file "$e"))"
}

engine_stop() {
  local e="$1" pid deadline
  pid="$(engine_pid "$e")"
  if [ -z "$pid" ]; then
    rm -f "$(pid_file "$e")"
    log "$e" "not running"
    return 0
  fi
  log "$e" "stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + BUQI_STOP_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      log "$e" "still running after ${BUQI_STOP_TIMEOUT}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 1
      break
    fi
    sleep 0.5
  done
  rm -f "$(pid_file "$e")"
  log "$e" "stopped"
}

engine_status() {
  local e="$1" ext pid ports
  ext="$(external_url "$e")"
  ports="$("${e}_ports" | awk '{ print $1 }' | paste -sd,)"
  if [ -n "$ext" ]; then
    printf '%-9s external %s=%s\n' "$e" "${ENGINE_VAR[$e]}" "$ext"
    return 0
  fi
  pid="$(engine_pid "$e")"
  if [ -n "$pid" ]; then
    local note=""
    port_open "${ports%%,*}" || note=" (port not answering)"
    printf '%-9s running  pid=%s port=%s rss=%sMiB%s\n' "$e" "$pid" "$ports" "$(rss_mib "$pid")" "$note"
  else
    printf '%-9s stopped  port=%s\n' "$e" "$ports"
  fi
}

engine_env() {
  local e="$1" url
  url="$(external_url "$e")"
  [ -n "$url" ] || url="$("${e}_url")"
  printf 'export %s=%q\n' "${ENGINE_VAR[$e]}" "$url"
  # An engine with more than one address for the app prints the others itself.
  if declare -F "${e}_more_env" >/dev/null; then "${e}_more_env"; fi
}
