/**
 * Maps the stage graph SVG's `--stagesmith-*` custom properties onto VS Code theme colours, so the graph
 * follows light, dark and high-contrast themes. Plain TypeScript (no `vscode` import), unit-tested.
 */

/** Theme variable per role, checked in order against the words of a property name. */
const ROLES: readonly { words: readonly string[]; value: string }[] = [
  { words: ['needed', 'target', 'selected', 'highlight', 'accent', 'focus'], value: 'var(--vscode-focusBorder)' },
  { words: ['copy'], value: 'var(--vscode-charts-blue, var(--vscode-editor-foreground))' },
  { words: ['mount'], value: 'var(--vscode-charts-purple, var(--vscode-editor-foreground))' },
  { words: ['edge', 'arrow', 'line', 'link'], value: 'var(--vscode-editorLineNumber-foreground)' },
  { words: ['muted', 'dim', 'base', 'detail', 'secondary', 'unused'], value: 'var(--vscode-descriptionForeground)' },
  { words: ['border', 'stroke', 'outline'], value: 'var(--vscode-editorWidget-border, var(--vscode-contrastBorder, var(--vscode-editor-foreground)))' },
  { words: ['bg', 'background', 'fill', 'canvas'], value: 'var(--vscode-editorWidget-background)' },
  { words: ['text', 'fg', 'foreground', 'font', 'color', 'label', 'title'], value: 'var(--vscode-editor-foreground)' },
];

/** The `--stagesmith-*` custom properties an SVG uses, each once, in order of first use. */
export function customProperties(svg: string): string[] {
  const seen = new Set<string>();
  for (const m of svg.matchAll(/--stagesmith-[A-Za-z0-9-]+/g)) {
    seen.add(m[0]);
  }
  return [...seen];
}

/**
 * The VS Code theme value for one property, or undefined to keep the SVG's own default. A property about
 * a background of a highlighted thing (`--stagesmith-needed-bg`) gets the selection background, not the
 * focus border, so text on it stays readable.
 */
export function themeValue(property: string): string | undefined {
  const words = property.replace(/^--stagesmith-/, '').toLowerCase().split('-');
  if (words.some((w) => ['opacity', 'width', 'size', 'radius'].includes(w))) {
    return undefined; // numbers, not colours: the SVG's own values fit every theme
  }
  if (words.includes('font') || words.includes('family')) {
    return 'var(--vscode-editor-font-family, var(--vscode-font-family))';
  }
  if (words.length === 1 && ['bg', 'background', 'canvas'].includes(words[0])) {
    return 'var(--vscode-editor-background)';
  }
  const isBackground = words.some((w) => ['bg', 'background', 'fill'].includes(w));
  if (isBackground && words.some((w) => ['needed', 'target', 'selected', 'highlight'].includes(w))) {
    return 'var(--vscode-list-inactiveSelectionBackground, var(--vscode-editorWidget-background))';
  }
  for (const role of ROLES) {
    if (words.some((w) => role.words.includes(w))) {
      return role.value;
    }
  }
  return undefined;
}

/** A CSS rule that sets every themed property of `svg` on `selector`. */
export function themeCss(svg: string, selector = 'svg'): string {
  const lines = customProperties(svg)
    .map((p) => [p, themeValue(p)] as const)
    .filter((pair): pair is readonly [string, string] => pair[1] !== undefined)
    .map(([p, v]) => `  ${p}: ${v};`);
  return `${selector} {\n${lines.join('\n')}\n}`;
}
