import type { ComposerAction } from '../../shared/protocol';
import { send } from './api';
import { element, replaceChildren } from './dom';

const ACTION_BUTTONS: [ComposerAction | 'copyRich', string, boolean][] = [
  ['insert', 'Insert at cursor', false],
  ['openDocument', 'Open as document', true],
  ['copyMarkdown', 'Copy Markdown', true],
  ['copyRich', 'Copy for email (rich)', true],
  ['copyText', 'Copy plain text', true],
  ['copyTeamsCard', 'Copy Teams card JSON', true],
  ['postToTeams', 'Post to Teams…', true],
  ['saveEml', 'Save as .eml…', true],
];

/** The reply's actions. Each acts on the draft as the page shows it: the host renders the stored draft again. */
export function actionBar(): HTMLElement {
  const bar = element('div', { class: 'actions', role: 'group', 'aria-label': 'Reply actions' });
  for (const [action, label, secondary] of ACTION_BUTTONS) {
    const button = element('button', { type: 'button', 'data-action': action, ...(secondary ? { class: 'secondary' } : {}) }, label);
    button.addEventListener('click', () => {
      clearNotice();
      // Rich HTML must be written from here: only the page's clipboard can hold text/html.
      if (action === 'copyRich') send({ type: 'requestRichCopy' });
      else send({ type: 'action', action });
    });
    bar.append(button);
  }
  return bar;
}

/**
 * The host's HTML for the rich copy, written with both formats; the host hears
 * whether it worked in a message of its own (it then records the decision, or
 * copies plain text instead). The click's user activation outlasts the round trip.
 */
export async function writeRichCopy(html: string, text: string): Promise<void> {
  try {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' }),
      }),
    ]);
    send({ type: 'richCopied', ok: true });
  } catch {
    send({ type: 'richCopied', ok: false });
  }
}

/** What the last action did, in the status line (announced politely); each action replaces it. */
export function showNotice(text: string, tone: 'info' | 'warning'): void {
  const status = document.getElementById('action-status');
  if (!status) return;
  replaceChildren(status, element('p', { class: tone === 'warning' ? 'notice warning' : 'notice' }, text));
}

export function clearNotice(): void {
  const status = document.getElementById('action-status');
  if (status) replaceChildren(status);
}
