/**
 * The language client: starts `java -jar server/stagesmith.jar lsp`, answers workspace/configuration with
 * `diagnostics.deferTo` resolved, declares the build-log capability, streams `stagesmith/buildLog` into the
 * build output channel, and routes code lens clicks through the client's build commands (so VS Code shows
 * a cancellable progress notification).
 */
import * as vscode from 'vscode';
import {
  ClientCapabilities, Executable, LanguageClient, LanguageClientOptions, Middleware, StaticFeature,
} from 'vscode-languageclient/node';
import { withResolvedDeferTo } from './coexistence';
import { serverCommand } from './launcher';
import { BuildLogNotification, SERVER_BUILD, SERVER_CANCEL } from './protocol';
import { SECTION } from './settings';

/** The client-side commands a code lens click is rewritten to. */
export const CLIENT_BUILD_TARGET = 'stagesmith.client.buildTarget';
export const CLIENT_CANCEL_TARGET = 'stagesmith.client.cancelTarget';

/** Documents the server handles: the dockerfile language, whatever the file is called. */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'dockerfile' },
  { scheme: 'untitled', language: 'dockerfile' },
];

/** Declares `experimental.stagesmithBuildLog`, so the server sends build lines only as `stagesmith/buildLog`. */
class BuildLogFeature implements StaticFeature {
  fillClientCapabilities(capabilities: ClientCapabilities): void {
    capabilities.experimental = { ...(capabilities.experimental as object ?? {}), stagesmithBuildLog: true };
  }
  getState(): { kind: 'static' } {
    return { kind: 'static' };
  }
  initialize(): void {}
  clear(): void {}
}

export interface ClientParts {
  readonly java: string;
  readonly extensionPath: string;
  readonly jvmOptions: unknown[];
  readonly buildLog: vscode.OutputChannel;
  readonly serverLog: vscode.OutputChannel;
}

export function createClient(parts: ClientParts): LanguageClient {
  const run: Executable = serverCommand(parts.java, parts.jvmOptions, parts.extensionPath);
  const options: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: SECTION },
    outputChannel: parts.serverLog,
    traceOutputChannel: parts.serverLog,
    middleware: middleware(),
  };
  const client = new LanguageClient('stagesmith', 'Stagesmith', { run, debug: run }, options);
  client.registerFeature(new BuildLogFeature());
  client.onNotification(BuildLogNotification, (p) => parts.buildLog.appendLine(p.line));
  return client;
}

function middleware(): Middleware {
  return {
    workspace: {
      configuration: async (params, token, next) => {
        const answers = await next(params, token);
        if (!Array.isArray(answers)) {
          return answers;
        }
        const installed = vscode.extensions.all.map((e) => e.id);
        return answers.map((answer, i) => (params.items[i]?.section === SECTION
          ? withResolvedDeferTo(answer, installed)
          : answer));
      },
    },
    provideCodeLenses: async (document, token, next) => {
      const lenses = await next(document, token);
      for (const lens of lenses ?? []) {
        rewrite(lens);
      }
      return lenses;
    },
    resolveCodeLens: async (lens, token, next) => {
      const resolved = await next(lens, token);
      if (resolved) {
        rewrite(resolved);
      }
      return resolved;
    },
  };
}

/** A lens's server command becomes the matching client command, with the same arguments. */
function rewrite(lens: vscode.CodeLens): void {
  if (lens.command?.command === SERVER_BUILD) {
    lens.command = { ...lens.command, command: CLIENT_BUILD_TARGET };
  } else if (lens.command?.command === SERVER_CANCEL) {
    lens.command = { ...lens.command, command: CLIENT_CANCEL_TARGET };
  }
}
