// A minimal LSP client over a child process's stdio: Content-Length framing, requests with their
// round-trip time, notifications as awaitable events, and default answers to the server's own requests.
// No dependencies, so the benchmark measures the servers and not a client library.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');

const HEADER_END = Buffer.from('\r\n\r\n');

class LspClient {
  /**
   * Starts `command` (an argv array) with `cwd`; the server's stderr goes to `logFile`.
   * `spawnedAt` (performance.now() just before the spawn) is the zero of startup times.
   */
  constructor(command, { cwd, logFile }) {
    this.spawnedAt = performance.now();
    this.proc = spawn(command[0], command.slice(1), { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.pid = this.proc.pid;
    this.log = fs.createWriteStream(logFile, { flags: 'a' });
    this.proc.stderr.pipe(this.log);
    this.buffer = Buffer.alloc(0);
    this.nextId = 1;
    this.pending = new Map();
    this.waiters = [];
    this.noiseBytes = 0;
    this.exited = new Promise((resolve) => {
      const gone = (description) => {
        if (this.gone) return;
        this.gone = true;
        const error = new Error(`${description}; see ${logFile}`);
        for (const p of this.pending.values()) p.reject(error);
        this.pending.clear();
        for (const w of this.waiters) w.reject(error);
        this.waiters = [];
        resolve();
      };
      this.proc.on('exit', (code, signal) => gone(`server exited (code ${code}, signal ${signal})`));
      this.proc.on('error', (e) => {
        this.log.write(`[bench] ${e}\n`);
        gone(`server could not be started: ${e.message}`);
      });
    });
    this.proc.stdin.on('error', () => {}); // a dead server is reported by 'exit'
    this.proc.stdout.on('data', (chunk) => this.receive(chunk));
  }

  receive(chunk) {
    const arrived = performance.now();
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const at = this.buffer.indexOf('Content-Length:');
      if (at < 0) return;
      if (at > 0) {
        // Something other than LSP on stdout (a JVM warning, a stray print): a real client would choke
        // on it, so it is counted and logged, then skipped.
        this.noiseBytes += at;
        this.log.write(`[bench] non-LSP bytes on stdout: ${JSON.stringify(this.buffer.subarray(0, at).toString())}\n`);
        this.buffer = this.buffer.subarray(at);
      }
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd < 0) return;
      const match = /^Content-Length: *(\d+)/.exec(this.buffer.subarray(0, headerEnd).toString('ascii'));
      const length = Number(match[1]);
      const start = headerEnd + HEADER_END.length;
      if (this.buffer.length < start + length) return;
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      this.dispatch(JSON.parse(body), arrived);
    }
  }

  dispatch(message, arrived) {
    if (message.id !== undefined && message.method === undefined) {
      const p = this.pending.get(message.id);
      if (p) {
        this.pending.delete(message.id);
        p.resolve({ message, ms: arrived - p.sent, arrived });
      }
      return;
    }
    if (message.id !== undefined) {
      this.answer(message);
      return;
    }
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) {
      if (!w.settled && w.accept(message, arrived)) {
        w.settled = true;
        clearTimeout(w.timer);
        w.resolve({ message, arrived });
      } else if (!w.settled) {
        this.waiters.push(w);
      }
    }
  }

  /** What an editor with no settings for either server answers; enough for both to go on. */
  answer(request) {
    let result = null;
    if (request.method === 'workspace/configuration') {
      result = (request.params.items || []).map(() => null);
    }
    this.send({ jsonrpc: '2.0', id: request.id, result });
  }

  send(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  /** Sends a request; resolves to {message, ms, arrived}: ms is the round trip as this client sees it. */
  request(method, params, timeoutMs = 30000) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} got no answer in ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        sent: performance.now(),
        resolve: (r) => { clearTimeout(timer); resolve(r); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /**
   * Resolves to {message, arrived} for the first notification after this call that `accept`s;
   * resolves to null after `timeoutMs`. Register before sending what triggers the notification.
   */
  waitFor(accept, timeoutMs) {
    return new Promise((resolve, reject) => {
      const w = { accept, resolve, reject, settled: false };
      w.timer = setTimeout(() => {
        w.settled = true;
        resolve(null);
      }, timeoutMs);
      this.waiters.push(w);
    });
  }

  /** Polite shutdown, then the process is killed (by its own pid) if it lingers. */
  async close(timeoutMs = 5000) {
    if (!this.gone) {
      try {
        await this.request('shutdown', null, timeoutMs);
        this.notify('exit', null);
      } catch (e) {
        // fall through to the kill below
      }
      const timer = setTimeout(() => this.proc.kill('SIGKILL'), timeoutMs);
      await this.exited;
      clearTimeout(timer);
    }
    await new Promise((resolve) => this.log.end(resolve));
  }
}

module.exports = { LspClient };
