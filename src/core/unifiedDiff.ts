/**
 * A unified diff of two texts by lines (`--- expected`, `+++ actual`, `@@` hunks with
 * three lines of context), the form every developer reads in CI logs. Replies are
 * short, so a plain longest-common-subsequence table is fast enough; past the cap the
 * diff falls back to replacing everything after the common prefix and suffix.
 */
export function unifiedDiff(expected: string, actual: string, labels = { expected: 'expected', actual: 'actual' }, context = 3): string {
  if (expected === actual) return '';
  const a = splitLines(expected);
  const b = splitLines(actual);
  const ops = diffLines(a, b);
  const hunks: string[] = [];
  let i = 0;
  while (i < ops.length) {
    if (ops[i].kind === ' ') {
      i++;
      continue;
    }
    const start = Math.max(0, i - context);
    let end = i;
    // Extend while the next change is within 2 × context of this one, so nearby changes share a hunk.
    for (let j = i; j < ops.length; j++) {
      if (ops[j].kind !== ' ') end = j;
      else if (j - end > 2 * context) break;
    }
    const stop = Math.min(ops.length, end + context + 1);
    const slice = ops.slice(start, stop);
    const oldStart = ops[start].oldLine;
    const newStart = ops[start].newLine;
    const oldCount = slice.filter((op) => op.kind !== '+').length;
    const newCount = slice.filter((op) => op.kind !== '-').length;
    hunks.push(`@@ -${oldCount === 0 ? oldStart - 1 : oldStart},${oldCount} +${newCount === 0 ? newStart - 1 : newStart},${newCount} @@`);
    hunks.push(...slice.map((op) => `${op.kind}${op.text}`));
    i = stop;
  }
  return [`--- ${labels.expected}`, `+++ ${labels.actual}`, ...hunks].join('\n') + '\n';
}

interface Op {
  kind: ' ' | '-' | '+';
  text: string;
  /** 1-based line numbers where this op sits in each text. */
  oldLine: number;
  newLine: number;
}

const MAX_CELLS = 4_000_000;

function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  const middle: ('=' | '-' | '+')[] =
    midA.length * midB.length > MAX_CELLS ? [...midA.map(() => '-' as const), ...midB.map(() => '+' as const)] : lcsScript(midA, midB);

  const ops: Op[] = [];
  let oldLine = 1;
  let newLine = 1;
  const push = (kind: Op['kind'], text: string) => {
    ops.push({ kind, text, oldLine, newLine });
    if (kind !== '+') oldLine++;
    if (kind !== '-') newLine++;
  };
  a.slice(0, prefix).forEach((text) => push(' ', text));
  let ia = 0;
  let ib = 0;
  for (const step of middle) {
    if (step === '=') {
      push(' ', midA[ia++]);
      ib++;
    } else if (step === '-') push('-', midA[ia++]);
    else push('+', midB[ib++]);
  }
  a.slice(a.length - suffix).forEach((text) => push(' ', text));
  return ops;
}

/** An edit script from a longest-common-subsequence table: deletions before insertions at each change. */
function lcsScript(a: readonly string[], b: readonly string[]): ('=' | '-' | '+')[] {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1] + 1 : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
    }
  }
  const script: ('=' | '-' | '+')[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      script.push('=');
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && table[(i + 1) * width + j] >= table[i * width + j + 1])) {
      script.push('-');
      i++;
    } else {
      script.push('+');
      j++;
    }
  }
  return script;
}

/** Lines without their terminators; a missing final newline shows as its own marker line, as in diff(1). */
function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else lines.push('\\ No newline at end of file');
  return lines;
}
