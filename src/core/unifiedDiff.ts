import { createTwoFilesPatch, formatPatch } from 'diff';

/**
 * Past this many changed lines a line-by-line diff costs seconds (jsdiff's Myers
 * algorithm is O(N·D)), and nobody reads it: the texts are shown as replaced.
 */
const MAX_EDIT_LENGTH = 1000;

/**
 * A unified diff of two texts by lines (`--- expected`, `+++ actual`, `@@` hunks with
 * three lines of context), the form every developer reads in CI logs: jsdiff's, without
 * its `====` banner. Empty when the texts are equal.
 */
export function unifiedDiff(expected: string, actual: string, labels = { expected: 'expected', actual: 'actual' }, context = 3): string {
  if (expected === actual) return '';
  const patch =
    createTwoFilesPatch(labels.expected, labels.actual, expected, actual, undefined, undefined, { context, maxEditLength: MAX_EDIT_LENGTH }) ??
    formatPatch({ oldFileName: labels.expected, newFileName: labels.actual, oldHeader: undefined, newHeader: undefined, hunks: [replaceAll(expected, actual)] });
  return patch.replace(/^=+\n/, '');
}

/** One hunk replacing every line of `expected` with every line of `actual`. */
function replaceAll(expected: string, actual: string) {
  const lines = (text: string) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));
  const [a, b] = [lines(expected), lines(actual)];
  return { oldStart: a.length ? 1 : 0, oldLines: a.length, newStart: b.length ? 1 : 0, newLines: b.length, lines: [...a.map((l) => `-${l}`), ...b.map((l) => `+${l}`)] };
}
