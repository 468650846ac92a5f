/**
 * package.json's contributes.configuration and docs/configuration.md's editor-settings table list the
 * same settings, with the same types, defaults and allowed values.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const extensionDir = path.resolve(__dirname, '..', '..');
const docsFile = path.resolve(extensionDir, '..', 'docs', 'configuration.md');

interface Declared { type: string; default: unknown; enum?: string[] }
interface Documented { type: string; default: string }

function declared(): Map<string, Declared> {
  const pkg = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
  return new Map(Object.entries(pkg.contributes.configuration.properties as Record<string, Declared>));
}

/** Rows `| \`stagesmith.x\` | type | default | meaning |` of the "Editor settings" section. */
function documented(): Map<string, Documented> {
  const text = fs.readFileSync(docsFile, 'utf8');
  const start = text.indexOf('## Editor settings');
  assert.ok(start >= 0, `${docsFile} has no "## Editor settings" section`);
  const end = text.indexOf('\n## ', start + 1);
  const rows = new Map<string, Documented>();
  for (const line of text.slice(start, end < 0 ? undefined : end).split('\n')) {
    const m = /^\| `(stagesmith\.[A-Za-z.]+)` \|([^|]*)\|([^|]*)\|/.exec(line);
    if (m) {
      assert.ok(!rows.has(m[1]), `${m[1]} is documented twice`);
      rows.set(m[1], { type: m[2].trim(), default: m[3].trim() });
    }
  }
  return rows;
}

/** The default column's first code span, read as JSON (`{}`, `true`, `"embedded"`, `[...]`). */
function documentedDefault(name: string, cell: string): unknown {
  const m = /`([^`]*)`/.exec(cell);
  assert.ok(m, `${name}: the default column "${cell}" has no \`value\``);
  try {
    return JSON.parse(m[1]);
  } catch {
    assert.fail(`${name}: the default \`${m[1]}\` is not JSON (write strings as "...")`);
  }
}

test('the same settings are declared and documented', () => {
  const inPackage = [...declared().keys()].sort();
  const inDocs = [...documented().keys()].sort();
  assert.ok(inDocs.length >= 10, `only ${inDocs.length} settings documented`);
  assert.deepEqual(inPackage, inDocs);
});

test('types, defaults and allowed values agree', () => {
  const docs = documented();
  for (const [name, d] of declared()) {
    const doc = docs.get(name);
    if (!doc) {
      continue;
    }
    assert.ok(doc.type.startsWith(d.type), `${name}: declared ${d.type}, documented "${doc.type}"`);
    assert.deepEqual(documentedDefault(name, doc.default), d.default, `${name}: default`);
    for (const value of d.enum ?? []) {
      assert.ok(doc.type.includes(`\`${value}\``), `${name}: allowed value ${value} is not documented`);
    }
  }
});
