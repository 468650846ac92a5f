/**
 * Entry point: finds Java, starts the language client, and wires the commands, the status bar item and
 * the stage graph to it. "Restart Server" and a change of the Java settings start a new client.
 */
import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, LanguageClient } from 'vscode-languageclient/node';
import { Builds } from './builds';
import { createClient } from './client';
import { registerCommands } from './commands';
import { GraphView } from './graphView';
import { findJava } from './requirements';
import { javaHome, jvmOptions, RESTART_SETTINGS } from './settings';
import { Stages } from './stages';
import { StatusBar } from './statusBar';

let client: LanguageClient | undefined;
/** One Java notification per session: a second failed start (e.g. a restart) only logs. */
let javaProblemShown = false;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverLog = vscode.window.createOutputChannel('Stagesmith Server');
  const buildLog = vscode.window.createOutputChannel('Stagesmith Build');
  const stages = new Stages(() => client);
  const builds = new Builds(() => client, buildLog);
  const graph = new GraphView(stages);
  const statusBar = new StatusBar(stages, builds);

  const start = async (): Promise<void> => {
    const java = await findJava({ javaHome: javaHome(), env: process.env, platform: process.platform });
    if (!java.ok) {
      serverLog.appendLine(java.message);
      if (!javaProblemShown) {
        javaProblemShown = true;
        void vscode.window.showErrorMessage(java.message, 'Open Setting').then((choice) => {
          if (choice === 'Open Setting') {
            void vscode.commands.executeCommand('workbench.action.openSettings', 'stagesmith.java.home');
          }
        });
      }
      return;
    }
    serverLog.appendLine(`Java ${java.runtime.major} from ${java.runtime.source}: ${java.runtime.executable}`);
    try {
      client = createClient({
        java: java.runtime.executable, extensionPath: context.extensionPath, jvmOptions: jvmOptions(), buildLog, serverLog,
      });
    } catch (e) {
      void vscode.window.showErrorMessage(`Stagesmith: ${(e as Error).message}`);
      return;
    }
    await client.start();
    stages.clear();
    statusBar.schedule();
  };

  const restart = async (): Promise<void> => {
    const old = client;
    client = undefined;
    stages.clear();
    if (old) {
      await old.stop().catch((e: unknown) => serverLog.appendLine(`stopping the server: ${String(e)}`));
    }
    await start();
  };

  context.subscriptions.push(serverLog, buildLog, builds, graph, statusBar,
    ...registerCommands({ builds, stages, graph, buildLog, memory: context.workspaceState, restart }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (RESTART_SETTINGS.some((s) => e.affectsConfiguration(s))) {
        void restart();
      }
    }),
    vscode.workspace.onDidCloseTextDocument((d) => stages.forget(d.uri)),
    // diagnostics.deferTo "auto" depends on the installed extensions: let the server ask again.
    vscode.extensions.onDidChange(() => {
      if (client?.isRunning()) {
        void client.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      }
    }),
    { dispose: () => void client?.stop() },
  );
  await start();
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  await c?.stop();
}
