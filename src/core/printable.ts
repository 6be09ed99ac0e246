/**
 * Characters that must not reach a terminal or a log raw from user data: C0 controls
 * (escape sequences start with ESC; NUL, BEL, backspace and carriage return rewrite
 * what is shown), DEL, C1 controls, and the bidirectional marks and overrides that
 * make text read differently from what it is ("Trojan Source").
 */
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNPRINTABLE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every unprintable character written as an escape (`\x1b`, `\u202e`); newlines and tabs kept. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escapeCharacter);
}

/** The same for text that must stay on one line (a problem, a list row): newlines and tabs are escaped too. */
export function printableLine(text: string): string {
  return text.replace(UNPRINTABLE_IN_LINE, escapeCharacter);
}

function escapeCharacter(character: string): string {
  const code = character.charCodeAt(0);
  if (character === '\n') return '\\n';
  if (character === '\t') return '\\t';
  if (character === '\r') return '\\r';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
