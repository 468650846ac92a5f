/**
 * "Show Stage Graph": a webview beside the Dockerfile with the server's SVG (`stagesmith/stages`,
 * format `svg`), themed through graphTheme, refreshed on edits; clicking a stage reveals its FROM line.
 */
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { themeCss } from './graphTheme';
import { Stages } from './stages';

export class GraphView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.Uri | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private pending: NodeJS.Timeout | undefined;

  constructor(private readonly stages: Stages) {
    this.disposables.push(vscode.workspace.onDidChangeTextDocument((e) => {
      if (this.panel && e.document.uri.toString() === this.document?.toString()) {
        this.scheduleRefresh();
      }
    }));
  }

  async show(uri: vscode.Uri): Promise<void> {
    this.document = uri;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('stagesmith.stageGraph', 'Stage graph',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [] });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
      }, null, this.disposables);
      this.panel.webview.onDidReceiveMessage((m: unknown) => void this.reveal(m), null, this.disposables);
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    this.panel.title = `Stages: ${vscode.workspace.asRelativePath(uri)}`;
    await this.refresh();
  }

  private scheduleRefresh(): void {
    if (this.pending) {
      clearTimeout(this.pending);
    }
    this.pending = setTimeout(() => void this.refresh(), 400);
  }

  private async refresh(): Promise<void> {
    const panel = this.panel;
    const uri = this.document;
    if (!panel || !uri) {
      return;
    }
    const result = await this.stages.rendered(uri, 'svg');
    const svg = result?.rendered;
    panel.webview.html = svg
      ? page(panel.webview, svg)
      : page(panel.webview, undefined, 'The Stagesmith server gave no graph for this file (is it running? see "Stagesmith: Restart Server").');
  }

  /** A click in the webview: `{line}` is the stage's 0-based FROM line. */
  private async reveal(message: unknown): Promise<void> {
    const line = (message as { line?: unknown })?.line;
    if (!this.document || typeof line !== 'number' || !Number.isInteger(line) || line < 0) {
      return;
    }
    const doc = await vscode.workspace.openTextDocument(this.document);
    const target = Math.min(line, doc.lineCount - 1);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    const position = new vscode.Position(target, 0);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.pending) {
      clearTimeout(this.pending);
    }
    this.panel?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

function page(webview: vscode.Webview, svg: string | undefined, note?: string): string {
  const nonce = randomBytes(16).toString('base64');
  const body = svg ?? `<p class="note">${escapeHtml(note ?? '')}</p>`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${webview.cspSource} data:; style-src ${webview.cspSource} 'unsafe-inline'; script-src 'nonce-${nonce}';">
<style>
body { color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); }
svg { max-width: 100%; height: auto; }
g.stage { cursor: pointer; }
g.stage:hover { filter: brightness(1.15); }
g.stage:focus { outline: 1px solid var(--vscode-focusBorder); }
.note { color: var(--vscode-descriptionForeground); }
${svg ? themeCss(svg) : ''}
</style></head>
<body>${body}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
for (const g of document.querySelectorAll('g.stage')) {
  g.setAttribute('tabindex', '0');
  const go = () => vscode.postMessage({ line: Number(g.getAttribute('data-line')) });
  g.addEventListener('click', go);
  g.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); go(); } });
}
</script></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
