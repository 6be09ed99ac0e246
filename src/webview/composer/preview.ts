import type { PreviewMode } from '../../shared/protocol';
import { element, replaceChildren } from './dom';
import { radioGroup } from './radios';
import { page, setPreviewMode, type ShownUpdate } from './state';
import { teamsPreview } from './teamsPreview';

/** "Preview as": the email text, or the card Teams will show. */
export function previewSwitch(onChange: () => void): HTMLElement {
  return radioGroup<PreviewMode>(
    'preview-mode',
    'Preview as',
    [
      { value: 'email', label: 'Email / document' },
      { value: 'teams', label: 'Teams card' },
    ],
    page.previewMode,
    (mode) => {
      // The host builds the card only while it is shown: it renders again with it.
      setPreviewMode(mode);
      onChange();
    },
  );
}

/** What the preview shows now, so an update that changes nothing there touches no DOM. */
let shown = '';

export function forgetShownPreview(): void {
  shown = '';
}

/** Show the update's preview; true when the preview changed. */
export function showPreview(update: ShownUpdate): boolean {
  const preview = document.getElementById('preview');
  if (!preview) return false;
  const key = !update.html ? `hint:${update.hint}` : page.previewMode === 'teams' ? `teams:${JSON.stringify(update.teamsCard)}` : `email:${update.html}`;
  if (key === shown) return false;
  shown = key;
  if (!update.html) {
    replaceChildren(preview, element('p', { class: 'hint' }, update.hint));
  } else if (page.previewMode === 'teams') {
    const card = update.teamsCard;
    // No card yet: the host is rendering it since the switch; the email stays out of a Teams preview.
    replaceChildren(preview, !card ? element('p', { class: 'hint' }, 'Building the Teams card…') : 'refused' in card ? element('p', { class: 'warning' }, card.refused) : teamsPreview(card.card));
  } else {
    preview.innerHTML = update.html; // markdown-it output with raw HTML disabled: no markup from data
    // Wide tables scroll in their own box instead of widening the page.
    for (const table of preview.querySelectorAll('table')) {
      const box = element('div', { class: 'table-scroll', tabindex: '0', role: 'group', 'aria-label': 'Table (scrolls sideways)' });
      table.replaceWith(box);
      box.append(table);
    }
  }
  return true;
}

export function showCioOffer(needed: boolean, onDraft: () => void): void {
  const offer = document.getElementById('cio-offer');
  if (!offer) return;
  if (offer.dataset.needed === String(needed)) return;
  offer.dataset.needed = String(needed);
  if (!needed) {
    replaceChildren(offer);
    return;
  }
  const button = element('button', { type: 'button', class: 'secondary' }, 'Draft the note to the CIO');
  button.addEventListener('click', onDraft);
  replaceChildren(offer, element('p', { class: 'notice' }, 'This changes agreed priorities, so the CIO needs to hear about it. '), button);
}
