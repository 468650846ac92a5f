#!/usr/bin/env bash
# End-to-end test of the packaged extension in a real VS Code workbench: code-server 4.99.4 (from npm; the
# last release for Node 20) with the built .vsix installed, driven in headless Chromium by playwright-core
# (workbench.test.js). Everything it installs stays in vscode-extension/.e2e (git-ignored); screenshots go
# to vscode-extension/test-results/. A missing tool fails the run when CI=true and skips it otherwise.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ext="$(dirname "$here")"
vsix="$ext/stagesmith-$(node -p "require('$ext/package.json').version").vsix"
e2e="$ext/.e2e"

missing() {  # $1 tool, $2 Debian package
  if [ "${CI:-}" = true ]; then
    echo "vscode e2e: FAILED: $1 is missing (CI=true); install the Debian package $2" >&2
    exit 1
  fi
  echo "vscode e2e: skipped: $1 is missing; install the Debian package $2" >&2
  exit 0
}
command -v chromium >/dev/null || missing chromium chromium
command -v rg >/dev/null || missing rg ripgrep
command -v java >/dev/null || missing java openjdk-17-jre-headless
command -v node >/dev/null || missing node nodejs
[ -f "$vsix" ] || { echo "vscode e2e: $vsix is missing; build it with mvn -B -pl vscode-extension -am package" >&2; exit 1; }

# code-server and playwright-core, once per clone.
cs_version=4.99.4
if [ ! -x "$e2e/cs/node_modules/.bin/code-server" ] || [ ! -d "$e2e/cs/node_modules/playwright-core" ]; then
  mkdir -p "$e2e/cs" "$e2e/rg"
  echo '{"name":"stagesmith-e2e","private":true}' > "$e2e/cs/package.json"
  # @vscode/ripgrep's postinstall would download rg; it takes a cached tarball first, so give it Debian's rg.
  # TMPDIR and the npm cache point into the clone, so this leaves nothing behind outside it.
  export TMPDIR="$e2e/tmp" npm_config_cache="$e2e/npm-cache"
  rg_cache="$TMPDIR/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$rg_cache"
  cp "$(command -v rg)" "$e2e/rg/rg"
  tar czf "$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$e2e/rg" rg
  # unsafe_perm: code-server's postinstall refuses root without it; nodedir: node-gyp uses the system
  # headers; build_from_source: native modules build here instead of fetching prebuilt binaries.
  (cd "$e2e/cs" && timeout 1500 env npm_config_yes=true npm_config_nodedir=/usr npm_config_unsafe_perm=true \
    npm_config_build_from_source=true npm i --no-audit --no-fund --loglevel=error \
    "code-server@$cs_version" playwright-core@1.65.1)
fi
cs="$e2e/cs/node_modules/.bin/code-server"

# A fresh profile, extension folder and workspace copy for every run.
run="$e2e/run"
rm -rf "$run"; mkdir -p "$run/data" "$run/ext"
cp -r "$here/workspace" "$run/ws"
cat > "$run/data/config.yaml" <<YAML
auth: none
cert: false
YAML
mkdir -p "$run/data/User"
cat > "$run/data/User/settings.json" <<JSON
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "security.workspace.trust.enabled": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "editor.codeLens": true,
  "git.enabled": false,
  "git.openRepositoryInParentFolders": "never",
  "stagesmith.build.cacheDir": "$run/cache"
}
JSON
# No marketplace traffic: the gallery points at a closed loopback port.
export EXTENSIONS_GALLERY='{"serviceUrl":"http://127.0.0.1:9/gallery","itemUrl":"http://127.0.0.1:9/item"}'
common=(--config "$run/data/config.yaml" --user-data-dir "$run/data" --extensions-dir "$run/ext")
timeout 120 "$cs" "${common[@]}" --install-extension "$vsix"
timeout 60 "$cs" "${common[@]}" --list-extensions --show-versions | grep -qx 'stagesmith.stagesmith@.*' \
  || { echo "vscode e2e: the .vsix did not install" >&2; exit 1; }

port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
"$cs" "${common[@]}" --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override "$run/ws" > "$run/code-server.log" 2>&1 &
cs_pid=$!
trap 'kill "$cs_pid" 2>/dev/null || true' EXIT
deadline=$((SECONDS + 60))
until curl -fs -m 1 -o /dev/null "http://127.0.0.1:$port/healthz"; do
  if [ $SECONDS -ge $deadline ] || ! kill -0 "$cs_pid" 2>/dev/null; then
    cat "$run/code-server.log" >&2; echo "vscode e2e: code-server did not start" >&2; exit 1
  fi
  sleep 0.2
done

mkdir -p "$ext/test-results"
status=0
NODE_PATH="$e2e/cs/node_modules" STAGESMITH_E2E_URL="http://127.0.0.1:$port/?folder=$run/ws" \
  STAGESMITH_E2E_WS="$run/ws" STAGESMITH_E2E_SHOTS="$ext/test-results" \
  node --test --test-reporter=spec "$here/workbench.test.js" || status=$?
if [ $status -ne 0 ]; then
  echo "--- code-server log" >&2; tail -50 "$run/code-server.log" >&2
  find "$run/data/logs" -name '*Stagesmith*' -exec sh -c 'echo "--- $1"; tail -40 "$1"' _ {} \; >&2 || true
fi
exit $status
