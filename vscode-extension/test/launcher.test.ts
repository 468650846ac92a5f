/** The server command line. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { FIXED_JVM_OPTIONS, serverCommand } from '../src/launcher';

test('java, fixed options, user options, then -jar <extension>/server/stagesmith.jar lsp', () => {
  const c = serverCommand('/jdk/bin/java', ['-Xmx512m', '  ', ' -XX:+UseSerialGC '], '/ext');
  assert.equal(c.command, '/jdk/bin/java');
  assert.deepEqual(c.args, [...FIXED_JVM_OPTIONS, '-Xmx512m', '-XX:+UseSerialGC', '-jar', path.join('/ext', 'server', 'stagesmith.jar'), 'lsp']);
});

test('the JVM logs to stderr, never to stdout (which carries LSP)', () => {
  const c = serverCommand('java', [], '/ext');
  assert.ok(c.args.includes('-XX:+DisplayVMOutputToStderr'));
  assert.ok(c.args.includes('-Xlog:all=warning:stderr'));
  assert.ok(c.args.indexOf('-Xlog:disable') < c.args.indexOf('-Xlog:all=warning:stderr'));
});

test('a word that is not a JVM option is refused by name', () => {
  assert.throws(() => serverCommand('java', ['-Xmx1g', 'Main'], '/ext'), /"Main" is not a JVM option/);
  assert.throws(() => serverCommand('java', [42], '/ext'), /42 is not a string/);
});
