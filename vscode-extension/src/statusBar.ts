/**
 * One status bar item for Dockerfiles: the stage under the cursor, or the state of the document's build.
 * A click opens "Build to Stage…" (or cancels a running build).
 */
import * as vscode from 'vscode';
import { Builds } from './builds';
import { stageAt, Stages } from './stages';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('stagesmith.stage', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [];
  private pending: NodeJS.Timeout | undefined;

  constructor(private readonly stages: Stages, private readonly builds: Builds) {
    this.item.name = 'Stagesmith stage';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
      vscode.window.onDidChangeTextEditorSelection(() => this.schedule()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) {
          this.schedule();
        }
      }),
      builds.onDidChange(() => this.schedule()),
    );
    this.schedule();
  }

  /** Updates soon, once per burst of cursor moves and edits. */
  schedule(): void {
    if (this.pending) {
      clearTimeout(this.pending);
    }
    this.pending = setTimeout(() => void this.update(), 150);
  }

  private async update(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'dockerfile') {
      this.item.hide();
      return;
    }
    const build = this.builds.state(editor.document.uri);
    if (build?.kind === 'running') {
      this.item.text = `$(sync~spin) Building ${build.target}…`;
      this.item.tooltip = `${build.message ?? 'Stagesmith build running'} — click to cancel`;
      this.item.command = 'stagesmith.client.cancelBuild';
      this.item.show();
      return;
    }
    const result = await this.stages.of(editor.document);
    if (editor !== vscode.window.activeTextEditor) {
      return;
    }
    const stage = result ? stageAt(result.stages, editor.selection.active.line) : undefined;
    const last = build?.kind === 'succeeded' ? ` · ✓ ${build.target} ${build.seconds.toFixed(1)} s`
      : build?.kind === 'failed' ? ` · ✗ ${build.target}`
        : build?.kind === 'cancelled' ? ` · ${build.target} cancelled` : '';
    if (!stage && last === '') {
      this.item.hide();
      return;
    }
    this.item.text = `$(layers) ${stage ? stage.label : 'no stage'}${last}`;
    this.item.tooltip = stage
      ? `Stage ${stage.label} (FROM ${stage.base.text}, line ${stage.line + 1}) — click to build a stage`
      : 'Click to build a stage';
    this.item.command = 'stagesmith.client.buildToStage';
    this.item.show();
  }

  dispose(): void {
    if (this.pending) {
      clearTimeout(this.pending);
    }
    this.item.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
