/**
 * Typed reads of the `stagesmith.*` settings the client itself uses (the server reads the rest through
 * workspace/configuration). Every key is declared in package.json and documented in docs/configuration.md.
 */
import * as vscode from 'vscode';
import { BuildArguments } from './protocol';

export const SECTION = 'stagesmith';

export function javaHome(): string {
  return vscode.workspace.getConfiguration(SECTION).get<string>('java.home', '');
}

export function jvmOptions(): unknown[] {
  const value = vscode.workspace.getConfiguration(SECTION).get<unknown>('server.jvmOptions', []);
  return Array.isArray(value) ? value : [];
}

/** Settings whose change needs a new server process (not just a new workspace/configuration answer). */
export const RESTART_SETTINGS = ['stagesmith.java.home', 'stagesmith.server.jvmOptions'];

/**
 * The build options of `stagesmith.build.*` for a build of `uri`, only those set, so the server's
 * defaults (documented in docs/configuration.md) apply to the rest.
 */
export function buildOptions(uri: vscode.Uri): Omit<BuildArguments, 'uri' | 'target'> {
  const c = vscode.workspace.getConfiguration(`${SECTION}.build`, uri);
  const out: Omit<BuildArguments, 'uri' | 'target'> = {};
  const args = c.get<unknown>('args');
  if (args !== null && typeof args === 'object' && !Array.isArray(args) && Object.keys(args).length > 0) {
    out.buildArgs = args as Record<string, string>;
  }
  for (const key of ['platform', 'output', 'engine'] as const) {
    const v = c.get<unknown>(key);
    if (typeof v === 'string' && v.trim() !== '') {
      out[key] = v.trim();
    }
  }
  return out;
}
