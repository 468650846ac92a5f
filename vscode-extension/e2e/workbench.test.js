// The packaged extension in a real VS Code workbench (code-server), driven by playwright-core in headless
// Chromium; run by e2e/run.sh, which starts code-server and passes STAGESMITH_E2E_URL, _WS and _SHOTS.
// Every wait is a wait for something on the page, with a deadline; every non-loopback request is blocked.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test, before, after } = require('node:test');
const { chromium } = require('playwright-core');

const url = process.env.STAGESMITH_E2E_URL;
const ws = process.env.STAGESMITH_E2E_WS;
const shots = process.env.STAGESMITH_E2E_SHOTS;
let browser;
let page;
const blocked = [];

async function shot(name) {
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

async function runCommand(title) {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: 15000 });
  await input.fill(`>${title}`);
  await page.locator(`.quick-input-list .monaco-list-row:has-text("${title}")`).first().waitFor({ timeout: 15000 });
  await page.keyboard.press('Enter');
}

/** Text as the page shows it, with Monaco's non-breaking spaces made plain. */
function plain(text) {
  return text.replace(/\u00a0/g, ' ');
}

/** The text editor's visible lines. */
async function editorText() {
  return plain(await page.locator('.editor-instance .monaco-editor .view-lines').first().innerText());
}

before(async () => {
  assert.ok(url && ws && shots, 'run through e2e/run.sh');
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', '--disable-quic',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (['127.0.0.1', 'localhost'].includes(u.hostname) || ['data:', 'blob:'].includes(u.protocol)) {
      return route.continue();
    }
    blocked.push(u.href);
    return route.abort();
  });
  page = await context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 60000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
});

after(async () => {
  if (blocked.length > 0) {
    console.log(`blocked non-loopback requests: ${[...new Set(blocked)].slice(0, 10).join(', ')}`);
  }
  await browser?.close();
});

test('opens the Dockerfile and the extension shows the stage under the cursor', async () => {
  const row = page.locator('.explorer-folders-view .monaco-list-row:has-text("Dockerfile")').first();
  await row.waitFor({ timeout: 60000 });
  await row.click();
  await page.locator('.editor-instance .monaco-editor .view-lines:has-text("FROM scratch AS site")').waitFor({ timeout: 30000 });
  // Caret on line 3 (COPY hello.txt), inside stage "assets".
  await page.locator('.editor-instance .monaco-editor .view-line:has-text("COPY hello.txt")').click();
  const item = page.locator('.statusbar-item:has-text("assets")');
  await item.waitFor({ timeout: 90000 });
  await shot('01-opened');
  assert.match(await item.innerText(), /assets/);
});

test('the "Build stage" code lenses are above every FROM', async () => {
  const lenses = page.locator('.editor-instance .monaco-editor .codelens-decoration');
  await page.locator('.editor-instance .monaco-editor .codelens-decoration:has-text("Build stage assets")').waitFor({ timeout: 60000 });
  const texts = (await lenses.allInnerTexts()).join(' | ');
  await shot('02-code-lenses');
  for (const stage of ['assets', 'config', 'site']) {
    assert.ok(texts.includes(`Build stage ${stage}`), `no lens for ${stage} in: ${texts}`);
  }
  assert.ok(texts.includes('Build image'), `no "Build image" lens in: ${texts}`);
});

test('completion after COPY --from= lists the earlier stages', async () => {
  await page.locator('.editor-instance .monaco-editor .view-line:has-text("COPY --from=config")').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('COPY --from=');
  const widget = page.locator('.suggest-widget.visible');
  try {
    await widget.waitFor({ timeout: 5000 });
  } catch {
    await page.keyboard.press('Control+Space');
    await widget.waitFor({ timeout: 20000 });
  }
  await page.locator('.suggest-widget.visible .monaco-list-row:has-text("config")').waitFor({ timeout: 20000 });
  const items = await page.locator('.suggest-widget.visible .monaco-list-row .label-name').allInnerTexts();
  await shot('03-completion');
  assert.ok(items.includes('assets'), `completion: ${items}`);
  assert.ok(items.includes('config'), `completion: ${items}`);
  assert.ok(!items.includes('site'), `the current stage is not offered: ${items}`);
  await page.keyboard.press('Escape');
});

test('a bad --from shows in the Problems view', async () => {
  await page.keyboard.type('asets /srv /x');
  await runCommand('Focus on Problems View');
  const problem = page.locator('.markers-panel .monaco-list-row:has-text("asets")').first();
  await problem.waitFor({ timeout: 30000 });
  await shot('04-problems');
  const text = await problem.innerText();
  assert.match(text, /asets/);
  // Undo the typing, so the file is as on disk again for the build below.
  await page.locator('.editor-instance .monaco-editor .view-line:has-text("COPY --from=asets")').click();
  for (let i = 0; i < 40 && (await editorText()).includes('--from=as'); i++) {
    await page.keyboard.press('Control+Z');
  }
  const undone = await editorText();
  assert.ok(!undone.includes('asets') && !/COPY --from=\s*$/m.test(undone), `the edit was not undone: ${undone}`);
  await page.locator('.tab.active:not(.dirty)').waitFor({ timeout: 10000 });
});

test('the stage graph webview shows the stages; a click goes to the FROM', async () => {
  await page.locator('.editor-instance .monaco-editor .view-line:has-text("COPY hello.txt")').click();
  await runCommand('Stagesmith: Show Stage Graph');
  const graph = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const config = graph.locator('g.stage:has-text("config")').first();
  await config.waitFor({ timeout: 60000 });
  assert.equal(await graph.locator('g.stage').count(), 3);
  const line = Number(await config.getAttribute('data-line'));
  assert.equal(line, 4, 'data-line is the 0-based FROM line of stage config');
  await shot('05-stage-graph');
  await config.click();
  await page.locator(`.statusbar-item:has-text("Ln ${line + 1}, Col 1")`).waitFor({ timeout: 20000 });
  await page.locator('.statusbar-item:has-text("config")').waitFor({ timeout: 20000 });
});

test('clicking "Build stage assets" builds the FROM scratch stage, with a notification and the build log', async () => {
  const lens = page.locator('.editor-instance .monaco-editor .codelens-decoration a:has-text("Build stage assets")').first();
  await lens.waitFor({ timeout: 30000 });
  await lens.click();
  // The server's result message (window/showMessage), after the progress notification.
  const done = page.locator('.notifications-toasts .notification-list-item-message:has-text("sha256:")').first();
  await done.waitFor({ timeout: 120000 });
  const message = plain(await done.innerText());
  await shot('06-build-notification');
  assert.match(message, /^Built assets in .*sha256:[0-9a-f]{64}/);
  const layout = path.join(ws, '.stagesmith', 'out', 'assets');
  assert.ok(fs.existsSync(path.join(layout, 'index.json')), `no OCI layout at ${layout}`);

  await runCommand('Stagesmith: Show Build Log');
  const log = page.locator('.part.panel .monaco-editor .view-lines:has-text("build assets")');
  await log.waitFor({ timeout: 30000 });
  const text = plain(await page.locator('.part.panel .monaco-editor .view-lines').first().innerText());
  await shot('07-build-log');
  assert.match(text, /build assets/);
  assert.match(text, /COPY hello\.txt \/srv\/hello\.txt/);
  assert.match(text, /export oci:.*\.stagesmith\/out\/assets/);
});

test('"Build to Stage…" picks from the stages, builds the choice and offers it first next time', async () => {
  await page.locator('.editor-instance .monaco-editor .view-line:has-text("COPY hello.txt")').click();
  await runCommand('Stagesmith: Build to Stage…');
  const rows = page.locator('.quick-input-list .monaco-list-row');
  await page.locator('.quick-input-list .monaco-list-row:has-text("config")').waitFor({ timeout: 20000 });
  const items = (await rows.allInnerTexts()).map(plain);
  assert.equal(items.length, 3, items.join(' | '));
  assert.match(items.find((i) => i.includes('config')), /FROM scratch[\s\S]*line 5/);
  await page.locator('.quick-input-list .monaco-list-row:has-text("config")').click();
  await page.locator('.notifications-toasts .notification-list-item-message:has-text("Built config")').waitFor({ timeout: 120000 });
  assert.ok(fs.existsSync(path.join(ws, '.stagesmith', 'out', 'config', 'index.json')));

  await runCommand('Stagesmith: Build to Stage…');
  await page.locator('.quick-input-list .monaco-list-row:has-text("last built")').waitFor({ timeout: 20000 });
  const again = (await rows.allInnerTexts()).map(plain);
  await shot('08-build-to-stage');
  assert.match(again[0], /config[\s\S]*last built/, again.join(' | '));
  await page.keyboard.press('Escape');
});
