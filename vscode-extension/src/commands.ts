/**
 * The "Stagesmith: …" commands, and the client commands code lens clicks are routed to.
 */
import * as vscode from 'vscode';
import { Builds } from './builds';
import { CLIENT_BUILD_TARGET, CLIENT_CANCEL_TARGET } from './client';
import { GraphView } from './graphView';
import { Stage } from './protocol';
import { Stages, targetOf } from './stages';

export interface CommandParts {
  readonly builds: Builds;
  readonly stages: Stages;
  readonly graph: GraphView;
  readonly buildLog: vscode.OutputChannel;
  readonly memory: vscode.Memento;
  readonly restart: () => Promise<void>;
}

/** Key of the remembered Build-to-Stage choice of a document. */
function lastChoiceKey(uri: vscode.Uri): string {
  return `stagesmith.lastTarget:${uri.toString()}`;
}

export function registerCommands(parts: CommandParts): vscode.Disposable[] {
  const { builds, stages, graph, buildLog, memory } = parts;
  return [
    vscode.commands.registerCommand('stagesmith.client.buildToStage', async (uri?: vscode.Uri) => {
      const document = await dockerfile(uri);
      if (!document) {
        return;
      }
      const stage = await pickStage(document, stages, memory);
      if (stage) {
        await memory.update(lastChoiceKey(document.uri), targetOf(stage));
        await builds.build(document.uri, targetOf(stage));
      }
    }),
    vscode.commands.registerCommand('stagesmith.client.buildImage', async (uri?: vscode.Uri) => {
      const document = await dockerfile(uri);
      if (document) {
        await builds.build(document.uri, undefined);
      }
    }),
    vscode.commands.registerCommand('stagesmith.client.showStageGraph', async (uri?: vscode.Uri) => {
      const document = await dockerfile(uri);
      if (document) {
        await graph.show(document.uri);
      }
    }),
    vscode.commands.registerCommand('stagesmith.client.cancelBuild', async () => {
      const active = vscode.window.activeTextEditor?.document.uri;
      const running = builds.running();
      const uri = running.find((u) => u.toString() === active?.toString()) ?? running[0];
      if (!uri) {
        void vscode.window.showInformationMessage('Stagesmith: no build is running.');
        return;
      }
      await builds.cancel(uri);
    }),
    vscode.commands.registerCommand('stagesmith.client.showBuildLog', () => buildLog.show(true)),
    vscode.commands.registerCommand('stagesmith.client.restartServer', () => parts.restart()),
    // Code lenses carry the server's arguments: [{uri, target}].
    vscode.commands.registerCommand(CLIENT_BUILD_TARGET, async (arg?: { uri?: string; target?: string }) => {
      if (arg?.uri) {
        await builds.build(vscode.Uri.parse(arg.uri), arg.target);
      }
    }),
    vscode.commands.registerCommand(CLIENT_CANCEL_TARGET, async (arg?: { uri?: string; target?: string }) => {
      if (arg?.uri) {
        await builds.cancel(vscode.Uri.parse(arg.uri), arg.target);
      }
    }),
  ];
}

/** The Dockerfile a command applies to: the one it was invoked on, else the active editor's. */
async function dockerfile(uri?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) {
    return vscode.workspace.openTextDocument(uri);
  }
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'dockerfile') {
    void vscode.window.showWarningMessage('Stagesmith: open a Dockerfile first.');
    return undefined;
  }
  return document;
}

interface StageItem extends vscode.QuickPickItem {
  readonly stage: Stage;
}

/** A quick pick of the file's stages (base image and line), the last choice for this file first. */
async function pickStage(document: vscode.TextDocument, stages: Stages, memory: vscode.Memento)
  : Promise<Stage | undefined> {
  const result = await stages.of(document);
  if (!result) {
    void vscode.window.showErrorMessage('Stagesmith: the language server did not list the stages; run "Stagesmith: Restart Server".');
    return undefined;
  }
  if (result.stages.length === 0) {
    void vscode.window.showWarningMessage(`Stagesmith: ${vscode.workspace.asRelativePath(document.uri)} has no FROM, so no stage to build.`);
    return undefined;
  }
  const last = memory.get<string>(lastChoiceKey(document.uri));
  const items: StageItem[] = result.stages.map((stage) => ({
    stage,
    label: stage.label,
    description: `FROM ${stage.base.text}`,
    detail: `line ${stage.line + 1}${targetOf(stage) === last ? ' · last built' : ''}`,
  }));
  const lastIndex = items.findIndex((i) => targetOf(i.stage) === last);
  if (lastIndex > 0) {
    items.unshift(...items.splice(lastIndex, 1));
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Stagesmith: Build to Stage',
    placeHolder: 'The stage to build (only the stages it needs are built)',
    matchOnDescription: true,
  });
  return picked?.stage;
}
