/**
 * Living next to Microsoft's Docker / Container Tools extensions, which run the Node Dockerfile language
 * server (dockerfile-utils diagnostics). Plain Node, unit-tested.
 */

/** Extensions that bring the Node Dockerfile language server with its diagnostics. */
export const DOCKERFILE_LANGUAGE_SERVER_HOSTS: readonly string[] = [
  'ms-azuretools.vscode-containers',
  'ms-azuretools.vscode-docker',
];

/** The values of `stagesmith.diagnostics.deferTo` the server understands. */
export type DeferTo = 'none' | 'dockerfile-language-server';

/**
 * Resolves `auto` (the default): defer to the Node server when one of its host extensions is installed,
 * so a rule both report shows once. Explicit values are kept; anything else counts as `auto`.
 */
export function resolveDeferTo(setting: unknown, installedExtensionIds: readonly string[]): DeferTo {
  if (setting === 'none' || setting === 'dockerfile-language-server') {
    return setting;
  }
  const installed = new Set(installedExtensionIds.map((id) => id.toLowerCase()));
  return DOCKERFILE_LANGUAGE_SERVER_HOSTS.some((id) => installed.has(id)) ? 'dockerfile-language-server' : 'none';
}

/**
 * The `stagesmith` settings section as sent to the server, with `diagnostics.deferTo` resolved. The
 * input is not changed.
 */
export function withResolvedDeferTo(section: unknown, installedExtensionIds: readonly string[]): unknown {
  if (section === null || typeof section !== 'object' || Array.isArray(section)) {
    return section;
  }
  const copy: Record<string, unknown> = { ...(section as Record<string, unknown>) };
  const diagnostics = copy.diagnostics;
  const group: Record<string, unknown> = diagnostics !== null && typeof diagnostics === 'object' && !Array.isArray(diagnostics)
    ? { ...(diagnostics as Record<string, unknown>) }
    : {};
  group.deferTo = resolveDeferTo(group.deferTo, installedExtensionIds);
  copy.diagnostics = group;
  return copy;
}
