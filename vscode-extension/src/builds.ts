/**
 * Runs builds through the server's `stagesmith.buildToStage` command inside a cancellable progress
 * notification, and keeps the state of each running build for the status bar.
 */
import { randomUUID } from 'crypto';
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest, LanguageClient, ResponseError, WorkDoneProgress, WorkDoneProgressBegin,
  WorkDoneProgressEnd, WorkDoneProgressReport,
} from 'vscode-languageclient/node';
import {
  BuildArguments, BuildResult, REQUEST_CANCELLED, SERVER_BUILD, SERVER_CANCEL,
} from './protocol';
import { buildOptions } from './settings';

export type BuildState =
  | { kind: 'running'; target: string; message?: string }
  | { kind: 'succeeded'; target: string; seconds: number }
  | { kind: 'failed'; target: string; message: string }
  | { kind: 'cancelled'; target: string };

export class Builds implements vscode.Disposable {
  private readonly states = new Map<string, BuildState>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the document whose build state changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: () => LanguageClient | undefined,
    private readonly buildLog: vscode.OutputChannel) {}

  /** The last build state of a document (running, or how the last one ended). */
  state(uri: vscode.Uri): BuildState | undefined {
    return this.states.get(uri.toString());
  }

  /** Builds `target` (a stage name or index; undefined = the last stage) with a progress notification. */
  async build(uri: vscode.Uri, target: string | undefined): Promise<BuildResult | undefined> {
    const client = this.client();
    if (!client || !client.isRunning()) {
      void vscode.window.showErrorMessage('Stagesmith: the language server is not running; run "Stagesmith: Restart Server".');
      return undefined;
    }
    const label = target ?? 'image';
    if (this.states.get(uri.toString())?.kind === 'running') {
      void vscode.window.showWarningMessage(`Stagesmith: a build of ${vscode.workspace.asRelativePath(uri)} is already running; cancel it first.`);
      return undefined;
    }
    const args: BuildArguments = { uri: uri.toString(), ...(target !== undefined ? { target } : {}), ...buildOptions(uri) };
    this.buildLog.appendLine(`── build ${label} · ${vscode.workspace.asRelativePath(uri)} · ${new Date().toLocaleTimeString()}`);
    this.set(uri, { kind: 'running', target: label });
    return vscode.window.withProgress({
      location: vscode.ProgressLocation.Notification,
      title: `Stagesmith: building ${label}`,
      cancellable: true,
    }, async (progress, token) => {
      const workDoneToken = randomUUID();
      let reported = 0;
      const listener = client.onProgress(WorkDoneProgress.type, workDoneToken,
        (v: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd) => {
          if (v.kind === 'end') {
            return;
          }
          const increment = v.percentage !== undefined ? Math.max(0, v.percentage - reported) : undefined;
          if (v.percentage !== undefined) {
            reported = Math.max(reported, v.percentage);
          }
          if (v.message) {
            this.set(uri, { kind: 'running', target: label, message: v.message });
          }
          progress.report({ message: v.message, increment });
        });
      const cancel = token.onCancellationRequested(() => {
        void client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_CANCEL, arguments: [{ uri: args.uri, target }] });
      });
      try {
        const result = await client.sendRequest(ExecuteCommandRequest.type,
          { command: SERVER_BUILD, arguments: [args], workDoneToken }) as BuildResult;
        this.set(uri, { kind: 'succeeded', target: label, seconds: result?.seconds ?? 0 });
        return result;
      } catch (e) {
        if (e instanceof ResponseError && e.code === REQUEST_CANCELLED) {
          this.buildLog.appendLine(`── build ${label} cancelled`);
          this.set(uri, { kind: 'cancelled', target: label });
        } else {
          // The server has shown the error (window/showMessage); keep it for the status bar and the log.
          const message = e instanceof Error ? e.message : String(e);
          this.buildLog.appendLine(`── build ${label} failed: ${message}`);
          this.set(uri, { kind: 'failed', target: label, message });
        }
        return undefined;
      } finally {
        cancel.dispose();
        listener.dispose();
      }
    });
  }

  /** Asks the server to cancel the running build of `uri` (of `target`, when given). */
  async cancel(uri: vscode.Uri, target?: string): Promise<boolean> {
    const client = this.client();
    if (!client || !client.isRunning()) {
      return false;
    }
    const cancelled = await client.sendRequest(ExecuteCommandRequest.type,
      { command: SERVER_CANCEL, arguments: [{ uri: uri.toString(), ...(target !== undefined ? { target } : {}) }] });
    return cancelled === true;
  }

  /** The documents with a running build. */
  running(): vscode.Uri[] {
    return [...this.states.entries()].filter(([, s]) => s.kind === 'running').map(([u]) => vscode.Uri.parse(u));
  }

  private set(uri: vscode.Uri, state: BuildState): void {
    this.states.set(uri.toString(), state);
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
