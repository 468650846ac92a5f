/**
 * Stagesmith's own LSP messages, as documented in docs/lsp-extensions.md. Names and shapes are fixed.
 */
import { NotificationType, RequestType } from 'vscode-languageclient/node';

export interface LspPosition { line: number; character: number }
export interface LspRange { start: LspPosition; end: LspPosition }

export interface Stage {
  index: number;
  name: string | null;
  label: string;
  base: { kind: 'image' | 'stage' | 'scratch'; text: string };
  line: number;
  range: LspRange;
  needed: boolean;
}

export interface StageEdge {
  from: number;
  to: number;
  kind: 'FROM' | 'COPY' | 'mount';
  line: number;
  range: LspRange;
}

export interface StagesParams { uri: string; target?: string; format?: 'dot' | 'mermaid' | 'svg' }
export interface StagesResult { uri: string; stages: Stage[]; edges: StageEdge[]; rendered?: string }

export const StagesRequest = new RequestType<StagesParams, StagesResult, void>('stagesmith/stages');

export interface BuildLogParams { uri: string; target: string; line: string }
export const BuildLogNotification = new NotificationType<BuildLogParams>('stagesmith/buildLog');

/** Server commands (workspace/executeCommand). */
export const SERVER_BUILD = 'stagesmith.buildToStage';
export const SERVER_CANCEL = 'stagesmith.cancelBuild';

export interface BuildArguments {
  uri: string;
  target?: string;
  buildArgs?: Record<string, string>;
  platform?: string;
  output?: string;
  engine?: string;
}

export interface BuildResult {
  target: string;
  digest: string;
  configDigest: string;
  output: string;
  size: number;
  seconds: number;
  stages: { name: string; seconds: number; cached: boolean }[];
}

/** JSON-RPC error codes the build command answers with. */
export const REQUEST_FAILED = -32803;
export const REQUEST_CANCELLED = -32800;
