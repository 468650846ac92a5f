/**
 * The language server's command line. Plain Node (no `vscode` import), so it is unit-tested.
 */
import * as path from 'path';

/** Where the packaged server jar lives inside the extension. */
export const SERVER_JAR = path.join('server', 'stagesmith.jar');

/**
 * JVM options that keep the protocol stream clean: stdout carries LSP, so the JVM's own messages go to
 * stderr (which VS Code shows in the server's output channel). They come first; user options can add
 * to them but not take stdout back.
 */
export const FIXED_JVM_OPTIONS: readonly string[] = [
  '-XX:+DisplayVMOutputToStderr',
  '-Xlog:disable',
  '-Xlog:all=warning:stderr',
];

export interface ServerCommand {
  readonly command: string;
  readonly args: string[];
}

/**
 * `java <fixed options> <user options> -jar <extension>/server/stagesmith.jar lsp`. Blank user options
 * are dropped; an option that is not a JVM option (no leading `-`) is refused with a message naming it,
 * because the JVM would otherwise take it as the main class and never start the server.
 */
export function serverCommand(java: string, jvmOptions: readonly unknown[], extensionPath: string): ServerCommand {
  const user: string[] = [];
  for (const option of jvmOptions) {
    if (typeof option !== 'string') {
      throw new Error(`stagesmith.server.jvmOptions: ${JSON.stringify(option)} is not a string; use strings like "-Xmx512m"`);
    }
    const trimmed = option.trim();
    if (trimmed === '') {
      continue;
    }
    if (!trimmed.startsWith('-')) {
      throw new Error(`stagesmith.server.jvmOptions: "${trimmed}" is not a JVM option (they start with "-"); remove it`);
    }
    user.push(trimmed);
  }
  return {
    command: java,
    args: [...FIXED_JVM_OPTIONS, ...user, '-jar', path.join(extensionPath, SERVER_JAR), 'lsp'],
  };
}
