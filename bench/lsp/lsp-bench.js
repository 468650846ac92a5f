#!/usr/bin/env node
// Drives language servers over stdio with the same editing session and measures, per server:
// startup to first diagnostics, diagnostics after each edit, completion latency, semantic tokens on a
// larger file, and peak RSS. Prints a side-by-side table and writes the numbers as JSON.
// See docs/benchmarks.md ("Language server") and bench/lsp/run.sh, which builds the inputs.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const { LspClient } = require('./lsp-client');
const { Document, editPlan, completionPlan } = require('./workload');
const stats = require('./stats');

const USAGE = `usage: node bench/lsp/lsp-bench.js --file FILE --tokens-file FILE --server NAME=COMMAND... [options]
  --server NAME=COMMAND   a server to measure, started with COMMAND (split on spaces) from --cwd;
                          repeat for each server: startups take turns, sessions run in this order
  --file FILE             the document to edit and complete in (the 3,000-line file)
  --tokens-file FILE      the document for semantic tokens (the 4,000-line file)
  --cwd DIR               where servers start (default: the current directory)
  --edits N               incremental edits (default 200)
  --completions N         completion requests (default 200)
  --tokens-runs N         semantic-tokens requests (default 10; at least 3, fewer after 30 s)
  --startups N            fresh processes timed to first diagnostics (default 10, after 1 untimed)
  --only-startup          measure startup and peak RSS of an idle session only
  --json FILE             write the results here
  --meta KEY=VALUE        recorded in the JSON as is (versions, machine notes); repeatable
  --logs DIR              servers' stderr (default: a temporary directory)`;

function parseArgs(argv) {
  const o = { servers: [], meta: {}, edits: 200, completions: 200, tokensRuns: 10, startups: 10, cwd: process.cwd() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case '--server': {
        const v = value();
        const eq = v.indexOf('=');
        if (eq < 1) throw new Error(`--server ${v}: write NAME=COMMAND`);
        o.servers.push({ name: v.slice(0, eq), command: v.slice(eq + 1).trim().split(/\s+/) });
        break;
      }
      case '--file': o.file = value(); break;
      case '--tokens-file': o.tokensFile = value(); break;
      case '--cwd': o.cwd = value(); break;
      case '--edits': o.edits = Number(value()); break;
      case '--completions': o.completions = Number(value()); break;
      case '--tokens-runs': o.tokensRuns = Number(value()); break;
      case '--startups': o.startups = Number(value()); break;
      case '--only-startup': o.onlyStartup = true; break;
      case '--json': o.json = value(); break;
      case '--meta': {
        const v = value();
        const eq = v.indexOf('=');
        if (eq < 1) throw new Error(`--meta ${v}: write KEY=VALUE`);
        o.meta[v.slice(0, eq)] = v.slice(eq + 1);
        break;
      }
      case '--logs': o.logs = value(); break;
      case '-h': case '--help': console.log(USAGE); process.exit(0); break;
      default: throw new Error(`unknown option ${a}`);
    }
  }
  if (!o.file || o.servers.length === 0 || (!o.onlyStartup && !o.tokensFile)) throw new Error('missing --file, --tokens-file or --server');
  return o;
}

const DIAGNOSTICS_TIMEOUT_MS = 10000;
const STARTUP_TIMEOUT_MS = 60000;
const TOKENS_BUDGET_MS = 30000;
const MAX_MISSED = 5;

/** What a client such as VS Code announces for the features measured here. */
function initializeParams(rootUri) {
  return {
    processId: process.pid,
    clientInfo: { name: 'stagesmith-lsp-bench' },
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: {
        synchronization: { didSave: true, dynamicRegistration: false },
        publishDiagnostics: { versionSupport: true, relatedInformation: true },
        completion: {
          completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] },
          contextSupport: true,
        },
        semanticTokens: {
          requests: { full: true },
          tokenTypes: ['keyword', 'comment', 'parameter', 'property', 'namespace', 'class', 'macro',
            'string', 'variable', 'operator', 'number', 'type', 'function', 'enumMember'],
          tokenModifiers: ['declaration', 'definition', 'deprecated', 'readonly', 'defaultLibrary'],
          formats: ['relative'],
        },
      },
    },
  };
}

function diagnosticsFor(uri, version) {
  // A server that publishes without a version is matched by arrival after the change; one that does
  // publish versions must publish this one (older versions are stale and skipped).
  return (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri
    && (version === undefined || m.params.version == null || m.params.version >= version);
}

/** Spawns, initializes and opens `doc`; resolves when the first diagnostics for it arrive. */
async function start(server, o, uri, text, logFile) {
  const client = new LspClient(server.command, { cwd: o.cwd, logFile });
  const rootUri = pathToFileURL(path.dirname(o.file)).href;
  const init = await client.request('initialize', initializeParams(rootUri), STARTUP_TIMEOUT_MS);
  if (init.message.error) throw new Error(`initialize failed: ${JSON.stringify(init.message.error)}`);
  client.notify('initialized', {});
  const first = client.waitFor(diagnosticsFor(uri), STARTUP_TIMEOUT_MS);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
  const diagnostics = await first;
  if (!diagnostics) throw new Error(`no diagnostics within ${STARTUP_TIMEOUT_MS} ms of opening the file`);
  const cpuMs = cpuTimeMs(client.pid);
  return {
    cpuMs,
    client,
    capabilities: init.message.result.capabilities || {},
    serverInfo: init.message.result.serverInfo || null,
    initializeMs: init.arrived - client.spawnedAt,
    startupMs: diagnostics.arrived - client.spawnedAt,
    diagnosticCount: diagnostics.message.params.diagnostics.length,
  };
}

/**
 * Times `o.startups` fresh processes of every server, taking turns (A, B, A, B, ...) so that a busy
 * moment on the machine hurts all of them alike. Each server's first run is not timed: it warms the
 * page cache (and lets a JVM write its class archive).
 */
async function measureStartups(servers, o, uri, text, logDir) {
  const out = new Map(servers.map((s) => [s.name, { diagnostics: [], initialize: [], cpu: [] }]));
  for (let i = 0; i <= o.startups; i++) {
    for (const server of servers) {
      const r = out.get(server.name);
      if (r.error) continue;
      try {
        const s = await start(server, o, uri, text, logFile(logDir, server));
        await s.client.close();
        if (i > 0) {
          r.diagnostics.push(s.startupMs);
          r.initialize.push(s.initializeMs);
          r.cpu.push(s.cpuMs);
        }
      } catch (e) {
        r.error = e.message;
      }
    }
    process.stderr.write(`startups: round ${i + 1} of ${o.startups + 1} done\n`);
  }
  return out;
}

function logFile(logDir, server) {
  return path.join(logDir, `${server.name}.stderr.log`);
}

async function measureEdits(client, uri, doc, count) {
  const samples = [];
  let missed = 0;
  for (const step of editPlan(doc, count)) {
    const change = step(doc);
    const published = client.waitFor(diagnosticsFor(uri, doc.version), DIAGNOSTICS_TIMEOUT_MS);
    const sent = performance.now();
    client.notify('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [change] });
    const d = await published;
    if (d) {
      samples.push(d.arrived - sent);
    } else if (++missed === MAX_MISSED) {
      throw new Error(`no diagnostics after ${missed} edits (${DIAGNOSTICS_TIMEOUT_MS} ms each); stopped editing`);
    }
  }
  return { samples, missed };
}

async function measureCompletion(client, uri, doc, count) {
  const samples = [];
  const byKind = {};
  const items = {};
  let errors = 0;
  for (const c of completionPlan(doc, count)) {
    const r = await client.request('textDocument/completion', { textDocument: { uri }, position: c.position, context: c.context });
    if (r.message.error) { errors++; continue; }
    samples.push(r.ms);
    (byKind[c.kind] ||= []).push(r.ms);
    const result = r.message.result;
    const n = Array.isArray(result) ? result.length : (result && result.items ? result.items.length : 0);
    (items[c.kind] ||= []).push(n);
  }
  const kinds = {};
  for (const k of Object.keys(byKind)) {
    kinds[k] = { ...stats.summary(byKind[k]), medianItems: stats.percentile(items[k], 50) };
  }
  return { samples, errors, kinds };
}

async function measureSemanticTokens(client, o, runs) {
  const text = fs.readFileSync(o.tokensFile, 'utf8');
  const uri = pathToFileURL(path.resolve(o.tokensFile)).href;
  const opened = client.waitFor(diagnosticsFor(uri), DIAGNOSTICS_TIMEOUT_MS);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
  await opened; // so the check of the new file does not overlap the first request
  const samples = [];
  let tokens = 0;
  const began = performance.now();
  for (let i = 0; i < runs; i++) {
    // A server that takes seconds per request gets fewer runs (at least three), so a run ends.
    if (i >= 3 && performance.now() - began > TOKENS_BUDGET_MS) break;
    const r = await client.request('textDocument/semanticTokens/full', { textDocument: { uri } }, 120000);
    if (r.message.error) throw new Error(`semanticTokens/full failed: ${JSON.stringify(r.message.error)}`);
    samples.push(r.ms);
    tokens = r.message.result && r.message.result.data ? r.message.result.data.length / 5 : 0;
  }
  client.notify('textDocument/didClose', { textDocument: { uri } });
  return { samples, tokens, lines: lineCount(text) };
}

function lineCount(text) {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** The process and its descendants (a launcher script may start the real server as a child). */
function processTree(pid) {
  const parents = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch (e) { /* gone */ }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  }
  return tree;
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ, 100 on Linux

/**
 * CPU time (user + system) used so far by the process tree, in ms. Less disturbed by other work on
 * the machine than wall time, so it helps compare launch flags on a busy machine.
 */
function cpuTimeMs(pid) {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    } catch (e) { /* gone */ }
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Sum of VmHWM (peak resident set) over the tree, in MiB. */
function peakRssMiB(pid) {
  let kib = 0;
  for (const p of processTree(pid)) {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) kib += Number(m[1]);
    } catch (e) { /* gone */ }
  }
  return kib / 1024;
}

function hasCompletion(caps) {
  return !!caps.completionProvider;
}

function hasSemanticTokensFull(caps) {
  return !!(caps.semanticTokensProvider && caps.semanticTokensProvider.full);
}

/** Runs one feature's measurement; a failure is reported for that feature and the session goes on. */
async function feature(name, run) {
  try {
    return await run();
  } catch (e) {
    process.stderr.write(` (${name} failed: ${e.message})`);
    return { error: e.message };
  }
}

async function measureSession(server, o, logDir, startup, text, uri) {
  const result = { name: server.name, command: server.command.join(' ') };
  result.startup = { ...stats.summary(startup.diagnostics), samples: startup.diagnostics };
  result.startupToInitializeResult = stats.summary(startup.initialize);
  result.startupCpu = stats.summary(startup.cpu);
  process.stderr.write(`${server.name}: session...`);
  const session = await start(server, o, uri, text, logFile(logDir, server));
  const { client } = session;
  result.serverInfo = session.serverInfo;
  result.sessionStartupMs = session.startupMs;
  result.openDiagnostics = session.diagnosticCount;
  try {
    if (!o.onlyStartup) {
      const doc = new Document(text);
      process.stderr.write(` ${o.edits} edits...`);
      result.diagnosticsAfterEdit = await feature('edits', async () => {
        const cpuBefore = cpuTimeMs(client.pid);
        const edits = await measureEdits(client, uri, doc, o.edits);
        const cpuMsPerEdit = (cpuTimeMs(client.pid) - cpuBefore) / o.edits;
        return { ...stats.summary(edits.samples), missed: edits.missed, cpuMsPerEdit };
      });
      result.completion = null; // n/a unless advertised
      if (hasCompletion(session.capabilities)) {
        process.stderr.write(` ${o.completions} completions...`);
        result.completion = await feature('completion', async () => {
          const c = await measureCompletion(client, uri, doc, o.completions);
          return { ...stats.summary(c.samples), errors: c.errors, kinds: c.kinds };
        });
      }
      result.peakRssBeforeSemanticTokensMiB = peakRssMiB(client.pid);
      result.semanticTokens = null;
      if (hasSemanticTokensFull(session.capabilities)) {
        process.stderr.write(' semantic tokens...');
        result.semanticTokens = await feature('semantic tokens', async () => {
          const t = await measureSemanticTokens(client, o, o.tokensRuns);
          return { ...stats.summary(t.samples), first: t.samples[0], tokens: t.tokens, lines: t.lines };
        });
      }
    }
    result.peakRssMiB = peakRssMiB(client.pid);
    result.nonLspBytesOnStdout = client.noiseBytes;
  } finally {
    await client.close();
  }
  process.stderr.write(' done\n');
  return result;
}

function cell(summary, key, unit = 'ms') {
  if (summary === null) return 'n/a (not advertised)';
  if (summary && summary.error) return 'error';
  if (summary === undefined || summary[key] === undefined || Number.isNaN(summary[key])) return '-';
  return `${stats.fmt(summary[key])} ${unit}`;
}

function table(results, o, tokensLines) {
  const rows = [
    ['startup to first diagnostics, median', (r) => cell(r.startup, 'p50')],
    ['startup to first diagnostics, p95', (r) => cell(r.startup, 'p95')],
    ['startup to initialize result, median', (r) => cell(r.startupToInitializeResult, 'p50')],
    ['startup CPU time (user+sys), median', (r) => cell(r.startupCpu, 'p50')],
  ];
  if (!o.onlyStartup) {
    rows.push(
      [`diagnostics after edit, median (${o.edits} edits)`, (r) => cell(r.diagnosticsAfterEdit, 'p50')],
      ['diagnostics after edit, p95', (r) => cell(r.diagnosticsAfterEdit, 'p95')],
      ['diagnostics after edit, missed', (r) => String(r.diagnosticsAfterEdit ? r.diagnosticsAfterEdit.missed : '-')],
      ['CPU time per edit (user+sys)', (r) => cell(r.diagnosticsAfterEdit, 'cpuMsPerEdit')],
      [`completion, median (${o.completions} requests)`, (r) => cell(r.completion, 'p50')],
      ['completion, p95', (r) => cell(r.completion, 'p95')],
      [`semantic tokens full (${tokensLines} lines), median`, (r) => cell(r.semanticTokens, 'p50')],
      ['semantic tokens full, first request', (r) => cell(r.semanticTokens, 'first')],
    );
  }
  if (!o.onlyStartup) {
    rows.push(['peak RSS before semantic tokens', (r) => `${stats.fmt(r.peakRssBeforeSemanticTokensMiB)} MiB`]);
  }
  rows.push(['peak RSS (VmHWM) at the end', (r) => `${stats.fmt(r.peakRssMiB)} MiB`]);
  const header = ['', ...results.map((r) => r.name)];
  const body = rows.map(([label, f]) => [label, ...results.map((r) => (r.error ? 'failed' : f(r)))]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => row[i].length)));
  const line = (row) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), ...body.map(line)].join('\n');
}

function completionDetail(results) {
  const out = [];
  for (const r of results) {
    if (!r.completion) continue;
    for (const [kind, s] of Object.entries(r.completion.kinds)) {
      out.push(`  ${r.name} ${kind}: median ${stats.fmt(s.p50)} ms, p95 ${stats.fmt(s.p95)} ms, median ${s.medianItems} items`);
    }
  }
  return out.join('\n');
}

async function main() {
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`lsp-bench: ${e.message}\n${USAGE}`);
    process.exit(2);
  }
  const logDir = o.logs || fs.mkdtempSync(path.join(os.tmpdir(), 'lsp-bench-'));
  fs.mkdirSync(logDir, { recursive: true });
  const text = fs.readFileSync(o.file, 'utf8');
  const uri = pathToFileURL(path.resolve(o.file)).href;
  const load = os.loadavg()[0];
  if (load > 0.5) process.stderr.write(`note: load average ${load.toFixed(2)}; other work on this machine skews the numbers\n`);
  const startups = await measureStartups(o.servers, o, uri, text, logDir);
  const results = [];
  for (const server of o.servers) {
    const startup = startups.get(server.name);
    try {
      if (startup.error) throw new Error(startup.error);
      results.push(await measureSession(server, o, logDir, startup, text, uri));
    } catch (e) {
      process.stderr.write(`\n${server.name} failed: ${e.message} (stderr in ${logDir})\n`);
      results.push({ name: server.name, command: server.command.join(' '), error: e.message });
    }
  }
  const lines = lineCount(text);
  const tokensLines = o.tokensFile ? lineCount(fs.readFileSync(o.tokensFile, 'utf8')) : 0;
  console.log(`\n${path.basename(o.file)}: ${lines} lines; servers' stderr in ${logDir}`);
  for (const [k, v] of Object.entries(o.meta)) console.log(`${k}: ${v}`);
  console.log('');
  console.log(table(results, o, tokensLines));
  const detail = completionDetail(results);
  if (detail) console.log(`\ncompletion by position:\n${detail}`);
  for (const r of results) {
    if (r.nonLspBytesOnStdout) console.log(`\nwarning: ${r.name} wrote ${r.nonLspBytesOnStdout} bytes that are not LSP to stdout`);
  }
  if (o.json) {
    const report = {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0] && os.cpus()[0].model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), kernel: os.release(), loadAverageAtStart: load },
      node: process.version,
      meta: o.meta,
      file: { path: o.file, lines },
      tokensFile: o.tokensFile ? { path: o.tokensFile, lines: tokensLines } : null,
      settings: { edits: o.edits, completions: o.completions, tokensRuns: o.tokensRuns, startups: o.startups },
      results,
    };
    fs.writeFileSync(o.json, JSON.stringify(report, null, 2) + '\n');
    console.log(`\nresults: ${o.json}`);
  }
  if (results.some((r) => r.error)) process.exitCode = 1;
}

main();
