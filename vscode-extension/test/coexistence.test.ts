/** Deferring overlapping diagnostics to the Node Dockerfile language server. */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveDeferTo, withResolvedDeferTo } from '../src/coexistence';

test('auto defers only when Container Tools or the Docker extension is installed', () => {
  assert.equal(resolveDeferTo('auto', ['vscode.git']), 'none');
  assert.equal(resolveDeferTo('auto', ['ms-azuretools.vscode-containers']), 'dockerfile-language-server');
  assert.equal(resolveDeferTo(undefined, ['MS-AzureTools.vscode-docker']), 'dockerfile-language-server');
});

test('explicit values are kept whatever is installed', () => {
  assert.equal(resolveDeferTo('none', ['ms-azuretools.vscode-containers']), 'none');
  assert.equal(resolveDeferTo('dockerfile-language-server', []), 'dockerfile-language-server');
});

test('the section sent to the server has deferTo resolved and keeps everything else', () => {
  const section = { diagnostics: { enable: false, deferTo: 'auto' }, build: { engine: 'podman' } };
  const sent = withResolvedDeferTo(section, ['ms-azuretools.vscode-containers']) as typeof section;
  assert.deepEqual(sent, { diagnostics: { enable: false, deferTo: 'dockerfile-language-server' }, build: { engine: 'podman' } });
  assert.equal(section.diagnostics.deferTo, 'auto', 'the input is not changed');
  assert.equal(withResolvedDeferTo(null, []), null);
});
