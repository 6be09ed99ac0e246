import type { PreviewMode } from '../../shared/protocol';
import { element, replaceChildren } from './dom';
import { radioGroup } from './radios';
import { page, setPreviewMode, type ShownUpdate } from './state';
import type { teamsPreview as TeamsPreview } from './teamsPreview';

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

type TeamsPreviewFn = typeof TeamsPreview;
let teamsPreviewLoad: Promise<TeamsPreviewFn> | undefined;

/**
 * The Teams card renderer, loaded the first time it is needed (a script of its own, with this
 * page's nonce: the CSP admits nothing else).
 */
function loadTeamsPreview(): Promise<TeamsPreviewFn> {
  teamsPreviewLoad ??= new Promise<TeamsPreviewFn>((resolve, reject) => {
    const src = document.querySelector<HTMLMetaElement>('meta[name="pushback-teams-preview"]')?.content;
    if (!src) return reject(new Error('the Teams preview script is not named in the page'));
    const script = document.createElement('script');
    script.nonce = (window as unknown as { litNonce?: string }).litNonce ?? '';
    script.src = src;
    script.addEventListener('load', () => {
      const loaded = (window as unknown as { pushbackTeamsPreview?: TeamsPreviewFn }).pushbackTeamsPreview;
      if (loaded) resolve(loaded);
      else reject(new Error('the Teams preview script did not load'));
    });
    script.addEventListener('error', () => reject(new Error('the Teams preview script did not load')));
    document.head.append(script);
  });
  return teamsPreviewLoad;
}

/** The loaded renderer, once there (null until then). */
let teamsPreview: TeamsPreviewFn | null = null;

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
    if (card && !('refused' in card) && !teamsPreview) {
      // Shown once the renderer has loaded: the newest update then, not this one.
      shown = '';
      replaceChildren(preview, element('p', { class: 'hint' }, 'Building the Teams card…'));
      loadTeamsPreview().then(
        (loaded) => {
          teamsPreview = loaded;
          if (page.update) showPreview(page.update);
        },
        (error: unknown) => replaceChildren(preview, element('p', { class: 'warning' }, `The Teams preview could not be shown: ${error instanceof Error ? error.message : String(error)}`)),
      );
      return true;
    }
    replaceChildren(preview, !card ? element('p', { class: 'hint' }, 'Building the Teams card…') : 'refused' in card ? element('p', { class: 'warning' }, card.refused) : teamsPreview!(card.card));
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
