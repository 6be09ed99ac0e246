/**
 * Replies inserted into an editor keep the fields the user has not filled in yet as
 * tab stops. The template is rendered with a marker in place of each empty field,
 * then the text becomes snippet syntax: `$`, `}` and `\` are escaped everywhere and
 * each marker turns into `${N:label}`. The same field in several places gets the same
 * N, so typing it once fills every occurrence.
 */

const MARKER = /\u0000(\d+)\u0000/;

/**
 * A stand-in for an empty field that passes through rendering unchanged: NUL is not a
 * Markdown special, not whitespace (so `firstName` keeps it whole), and never typed.
 */
export function placeholderMarker(index: number): string {
  return `\u0000${index}\u0000`;
}

/** Rendered text with markers → VS Code snippet text with `${N:label}` tab stops. */
export function toSnippet(text: string, labels: Readonly<Record<number, string>>): string {
  const parts = text.split(MARKER);
  return parts
    .map((part, i) => {
      if (i % 2 === 0) return escapeSnippetText(part.replace(/\u0000/g, ''));
      const label = labels[Number(part)];
      return label ? `\${${part}:${escapeSnippetText(label)}}` : `\${${part}}`;
    })
    .join('');
}

/** Text that a snippet shows literally: `$1` or `${x}` typed in data must not become a tab stop. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (char) => `\\${char}`);
}
