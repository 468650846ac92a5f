// The editing session both servers get: typing inside RUN lines and in COPY --from= values, and the
// positions completion is asked at. Plans are computed from the text alone, so every server sees the
// same keystrokes in the same order.
'use strict';

/** The text as lines, changed the way the client tells the server (one range per edit). */
class Document {
  constructor(text) {
    this.lines = text.split('\n');
    this.version = 1;
  }

  get text() {
    return this.lines.join('\n');
  }

  /** Applies a single-line edit and returns the didChange content change for it. */
  edit(line, startChar, endChar, newText) {
    const l = this.lines[line];
    this.lines[line] = l.slice(0, startChar) + newText + l.slice(endChar);
    this.version++;
    return {
      range: { start: { line, character: startChar }, end: { line, character: endChar } },
      text: newText,
    };
  }
}

/** Stage indices spread over the whole file in a fixed order (1, 8, 15, ... modulo the stage count). */
function spread(count, limit) {
  const out = [];
  for (let i = 0; out.length < limit; i++) out.push((1 + 7 * i) % count);
  return out;
}

function linesMatching(lines, re) {
  const out = [];
  lines.forEach((l, i) => { if (re.test(l)) out.push(i); });
  return out;
}

/**
 * `count` keystrokes as functions of the document, each returning a content change. Alternates two
 * habits: typing " curl" before the "&& \" of an apt-get line (5 keystrokes), and retyping a
 * COPY --from= value (select it and delete, then type it again: "", "s", "s1", "s12"), which passes
 * through an empty and an unknown stage name on the way, as a person would.
 */
function editPlan(doc, count) {
  const installs = linesMatching(doc.lines, /^\s+apt-get install .* && \\$/);
  const copies = linesMatching(doc.lines, /^COPY --from=\S+/);
  if (installs.length === 0 || copies.length === 0) {
    throw new Error('the benchmark file needs apt-get install continuation lines and COPY --from= lines');
  }
  const steps = [];
  const installOrder = spread(installs.length, count);
  const copyOrder = spread(copies.length, count);
  for (let k = 0; steps.length < count; k++) {
    if (k % 2 === 0) {
      const line = installs[installOrder[k >> 1]];
      for (const ch of ' curl') {
        steps.push((d) => {
          const at = d.lines[line].lastIndexOf(' && \\');
          return d.edit(line, at, at, ch);
        });
      }
    } else {
      const line = copies[copyOrder[k >> 1]];
      const value = /^COPY --from=(\S+)/.exec(doc.lines[line])[1];
      const from = 'COPY --from='.length;
      steps.push((d) => d.edit(line, from, from + /^COPY --from=(\S*)/.exec(d.lines[line])[1].length, ''));
      for (let i = 0; i < value.length; i++) {
        steps.push((d) => d.edit(line, from + i, from + i, value[i]));
      }
    }
  }
  return steps.slice(0, count);
}

/**
 * `count` completion requests cycling through four kinds, spread over the file: after "COPY --from="
 * (stage names), after "$" in an ENV value (variables), after the first letter of an instruction
 * (keywords), and after "RUN --" (flags). Each carries the trigger an editor would send.
 */
function completionPlan(doc, count) {
  const copies = linesMatching(doc.lines, /^COPY --from=/);
  const envs = linesMatching(doc.lines, /^ENV .*\$PATH/);
  const runs = linesMatching(doc.lines, /^RUN --mount=/);
  const kinds = [
    { kind: 'copy --from=', lines: copies, at: () => 'COPY --from='.length, trigger: '=' },
    { kind: '$variable', lines: envs, at: (l) => l.lastIndexOf('$') + 1, trigger: '$' },
    { kind: 'keyword', lines: runs, at: () => 1, trigger: null },
    { kind: 'flag', lines: runs, at: () => 'RUN --'.length, trigger: '-' },
  ];
  const out = [];
  const perKind = Math.ceil(count / kinds.length);
  const orders = kinds.map((k) => spread(k.lines.length, perKind));
  for (let i = 0; out.length < count; i++) {
    const k = kinds[i % kinds.length];
    const line = k.lines[orders[i % kinds.length][Math.floor(i / kinds.length)]];
    out.push({
      kind: k.kind,
      position: { line, character: k.at(doc.lines[line]) },
      context: k.trigger ? { triggerKind: 2, triggerCharacter: k.trigger } : { triggerKind: 1 },
    });
  }
  return out;
}

module.exports = { Document, editPlan, completionPlan };
