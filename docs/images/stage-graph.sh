#!/usr/bin/env bash
# Renders the golden stage-graph SVGs (server/src/test/resources/graph, drawn by `stagesmith stages --format svg`
# from ../shared/corpus/real/docker__cli__Dockerfile) to the PNGs in this folder, with headless Chromium
# (apt-get install -y chromium). After a layout change: rewrite the goldens with
#   mvn -pl server -am test -Dtest=SvgRendererTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true
# then run this script and look at the pictures before committing them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
golden="$here/../../server/src/test/resources/graph"

render() {
  local svg="$golden/$1" png="$here/$2"
  # The picture's own size, from the root element's width and height attributes.
  local size
  size="$(head -1 "$svg" | sed -E 's/.* width="([0-9]+)" height="([0-9]+)".*/\1,\2/')"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$size" --screenshot="$png" "file://$svg" >/dev/null 2>&1
  echo "$png ($size)"
}

render docker-cli.svg stage-graph.png
render docker-cli-target-e2e.svg stage-graph-target.png
