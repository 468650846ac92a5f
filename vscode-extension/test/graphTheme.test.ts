/** Theming the server's SVG with VS Code colours. */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { customProperties, themeCss, themeValue } from '../src/graphTheme';

const svg = '<svg><g class="stage" data-stage="0" data-line="0"><rect style="fill: var(--stagesmith-stage-bg, #fff); stroke: var(--stagesmith-stage-border, #333)"/>'
  + '<text style="fill: var(--stagesmith-text, #000)">a</text></g><path style="stroke: var(--stagesmith-edge-copy, #00f)"/>'
  + '<rect style="fill: var(--stagesmith-needed-bg, #efe)"/><rect style="fill: var(--stagesmith-stage-bg, #fff)"/></svg>';

test('lists each custom property once, in order', () => {
  assert.deepEqual(customProperties(svg),
    ['--stagesmith-stage-bg', '--stagesmith-stage-border', '--stagesmith-text', '--stagesmith-edge-copy', '--stagesmith-needed-bg']);
});

test('maps roles to theme colours', () => {
  assert.equal(themeValue('--stagesmith-stage-bg'), 'var(--vscode-editorWidget-background)');
  assert.match(themeValue('--stagesmith-stage-border') ?? '', /editorWidget-border/);
  assert.equal(themeValue('--stagesmith-text'), 'var(--vscode-editor-foreground)');
  assert.match(themeValue('--stagesmith-edge-copy') ?? '', /charts-blue/);
  assert.match(themeValue('--stagesmith-needed-bg') ?? '', /inactiveSelectionBackground/);
  assert.equal(themeValue('--stagesmith-zzz'), undefined);
  // The names the server's SvgRenderer uses.
  assert.equal(themeValue('--stagesmith-bg'), 'var(--vscode-editor-background)');
  assert.match(themeValue('--stagesmith-font') ?? '', /font-family/);
  assert.equal(themeValue('--stagesmith-pruned-opacity'), undefined);
  assert.equal(themeValue('--stagesmith-muted-fg'), 'var(--vscode-descriptionForeground)');
  assert.equal(themeValue('--stagesmith-needed-border'), 'var(--vscode-focusBorder)');
  assert.match(themeValue('--stagesmith-edge-mount') ?? '', /charts-purple/);
});

test('the CSS sets every mapped property on the svg', () => {
  const css = themeCss(svg);
  assert.match(css, /^svg \{/);
  for (const p of customProperties(svg)) {
    assert.ok(css.includes(`${p}: var(--vscode-`), p);
  }
});
