/**
 * The stages of a Dockerfile from the server (`stagesmith/stages`), with a small cache per document
 * version so the status bar can follow the cursor without a request per keystroke.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { Stage, StagesRequest, StagesResult } from './protocol';

export class Stages {
  private readonly cache = new Map<string, { version: number; result: Promise<StagesResult | undefined> }>();

  constructor(private readonly client: () => LanguageClient | undefined) {}

  /** The stages of `document` (undefined when the server is not running or cannot answer). */
  of(document: vscode.TextDocument): Promise<StagesResult | undefined> {
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version) {
      return hit.result;
    }
    const result = this.request({ uri: key });
    const entry = { version: document.version, result };
    this.cache.set(key, entry);
    // No answer (server not started yet, or busy restarting) is not kept: the next call asks again.
    void result.then((r) => {
      if (r === undefined && this.cache.get(key) === entry) {
        this.cache.delete(key);
      }
    });
    return result;
  }

  /** The stages with the server's rendering (`svg`, `dot` or `mermaid`); never cached. */
  rendered(uri: vscode.Uri, format: 'svg'): Promise<StagesResult | undefined> {
    return this.request({ uri: uri.toString(), format });
  }

  forget(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
  }

  clear(): void {
    this.cache.clear();
  }

  private async request(params: { uri: string; format?: 'svg' }): Promise<StagesResult | undefined> {
    const client = this.client();
    if (!client || !client.isRunning()) {
      return undefined;
    }
    try {
      return await client.sendRequest(StagesRequest, params);
    } catch (e) {
      client.warn(`stagesmith/stages failed for ${params.uri}`, e, false);
      return undefined;
    }
  }
}

/** The stage that contains `line` (0-based): the last stage whose FROM is on or above it. */
export function stageAt(stages: readonly Stage[], line: number): Stage | undefined {
  let found: Stage | undefined;
  for (const s of stages) {
    if (s.line <= line && (found === undefined || s.line >= found.line)) {
      found = s;
    }
  }
  return found;
}

/** The `target` argument for a stage: its name, or its index for an unnamed stage. */
export function targetOf(stage: Stage): string {
  return stage.name ?? String(stage.index);
}
