/** The Java search order, version parsing and messages, against real executables (scripts and the machine's JDK). */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { findJava, parseJavaVersion } from '../src/requirements';

/** A JDK-shaped folder whose bin/java prints `version` the way `java -version` does (on stderr). */
function fakeJdk(version: string): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'stagesmith-jdk-'));
  fs.mkdirSync(path.join(home, 'bin'));
  const java = path.join(home, 'bin', 'java');
  fs.writeFileSync(java, `#!/bin/sh\necho 'openjdk version "${version}" 2025-04-15' >&2\n`);
  fs.chmodSync(java, 0o755);
  return home;
}

const emptyPath = { PATH: fs.mkdtempSync(path.join(os.tmpdir(), 'stagesmith-nopath-')) };

test('parses the feature release of old and new version strings', () => {
  assert.equal(parseJavaVersion('openjdk version "17.0.15" 2025-04-15'), 17);
  assert.equal(parseJavaVersion('java version "1.8.0_392"'), 8);
  assert.equal(parseJavaVersion('openjdk version "21" 2023-09-19'), 21);
  assert.equal(parseJavaVersion('openjdk version "22-ea" 2024-03-19'), 22);
  assert.equal(parseJavaVersion('Error: could not open jvm.cfg'), undefined);
});

test('the setting wins over JAVA_HOME and PATH', async () => {
  const setting = fakeJdk('21.0.2');
  const javaHome = fakeJdk('17.0.1');
  const r = await findJava({ javaHome: setting, env: { JAVA_HOME: javaHome, PATH: path.join(javaHome, 'bin') }, platform: 'linux' });
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.runtime.executable, path.join(setting, 'bin', 'java'));
  assert.equal(r.runtime.major, 21);
  assert.equal(r.runtime.source, 'setting stagesmith.java.home');
});

test('a set but too old setting is an error naming the setting, with no fallback', async () => {
  const setting = fakeJdk('11.0.2');
  const javaHome = fakeJdk('17.0.1');
  const r = await findJava({ javaHome: setting, env: { JAVA_HOME: javaHome }, platform: 'linux' });
  assert.ok(!r.ok);
  assert.match(r.message, /Java 11 at .*\(setting stagesmith\.java\.home\)/);
  assert.match(r.message, /Point stagesmith\.java\.home at a JDK or JRE 17\+/);
});

test('JAVA_HOME too old falls through to a good java on PATH', async () => {
  const old = fakeJdk('1.8.0_392');
  const good = fakeJdk('17.0.15');
  const r = await findJava({ env: { JAVA_HOME: old, PATH: `/nonexistent:${path.join(good, 'bin')}` }, platform: 'linux' });
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.runtime.source, 'PATH');
  assert.equal(r.runtime.major, 17);
});

test('nothing usable: one message that lists what was found and what to install', async () => {
  const old = fakeJdk('11.0.2');
  const r = await findJava({ env: { JAVA_HOME: old, ...emptyPath }, platform: 'linux' });
  assert.ok(!r.ok);
  assert.match(r.message, /needs Java 17 or newer/);
  assert.match(r.message, /Found: Java 11 at .*\(JAVA_HOME\)/);
  assert.match(r.message, /openjdk-17-jre-headless/);
  const none = await findJava({ env: { ...emptyPath }, platform: 'linux' });
  assert.ok(!none.ok);
  assert.match(none.message, /No Java was found on JAVA_HOME or PATH/);
});

test('a java that prints no version is reported, not trusted', async () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'stagesmith-jdk-'));
  fs.mkdirSync(path.join(home, 'bin'));
  fs.writeFileSync(path.join(home, 'bin', 'java'), '#!/bin/sh\necho broken >&2\nexit 1\n');
  fs.chmodSync(path.join(home, 'bin', 'java'), 0o755);
  const r = await findJava({ javaHome: home, env: {}, platform: 'linux' });
  assert.ok(!r.ok);
  assert.match(r.message, /did not run/);
});

test('finds the machine\'s real JDK on PATH', async (t) => {
  let javaOnPath: string;
  try {
    javaOnPath = execFileSync('sh', ['-c', 'command -v java'], { encoding: 'utf8' }).trim();
  } catch {
    if (process.env.CI === 'true') {
      assert.fail('java is not on PATH (install openjdk-17-jdk-headless)');
    }
    t.skip('java is not on PATH (Debian package openjdk-17-jdk-headless)');
    return;
  }
  const r = await findJava({ env: { PATH: path.dirname(javaOnPath) }, platform: 'linux' });
  assert.ok(r.ok, JSON.stringify(r));
  assert.ok(r.runtime.major >= 17);
});
