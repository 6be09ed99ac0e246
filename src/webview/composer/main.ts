/**
 * The composer's page: the request, the live analysis and the reply preview, side
 * by side when there is room. Every change goes to the host, which validates,
 * analyzes and renders, and answers with an update; when the host has sent what it
 * needs (localRender.ts), the page renders the same preview with the same core
 * pipeline first, without waiting for the round trip. The
 * draft is also kept in the webview's own state, so the form paints at once when
 * the page is shown again.
 */
// First: before any schema is built (see jitless.ts).
import './jitless';
import type { ToWebview } from '../../shared/protocol';
import { actionBar, clearNotice, showNotice, writeRichCopy } from './actions';
import { analysisSection } from './analysis';
import { send } from './api';
import { element, replaceChildren } from './dom';
import { requestSection, setupSection, showCapacityFile, showFieldErrors } from './form';
import { updateShown } from './latency';
import { forgetShownPreview, previewSwitch, showCioOffer, showPreview } from './preview';
import { acceptRenderData, canRenderInPage, renderInPage } from './localRender';
import { acceptUpdate, onChangeSent, page, persist, restoreUpdate } from './state';

const app = document.getElementById('app') as HTMLElement;

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'init':
      page.templates = message.templates;
      page.capacities = message.capacities;
      page.trusted = message.trusted;
      // Typed before the host answered: the host already has those changes, keep them on screen.
      if (page.seq === 0) page.draft = message.draft;
      persist();
      // The page starts over on the host too: say which preview it shows.
      if (page.previewMode !== 'email') send({ type: 'previewMode', mode: page.previewMode });
      buildPage();
      break;
    case 'choices':
      page.templates = message.templates;
      page.capacities = message.capacities;
      rebuildSetup();
      break;
    case 'draftReplaced':
      page.draft = message.draft;
      page.touched.clear();
      persist();
      buildPage();
      break;
    case 'restored':
      // The host's figures last shown for this draft: painted as updating, unless fresh ones are already here.
      if (page.update && page.fresh) break;
      page.draft ??= message.draft;
      restoreUpdate(message.update);
      buildPage();
      break;
    case 'update':
      if (acceptUpdate(message.update)) showUpdate();
      updateShown(message.update.seq, message.update.renderMs, 'host');
      break;
    case 'renderData':
      acceptRenderData(message.data, () => undefined);
      break;
    case 'richCopy':
      void writeRichCopy(message.html, message.text);
      break;
    case 'notice':
      showNotice(message.text, message.tone);
      break;
    default: {
      const unreachable: never = message;
      return unreachable;
    }
  }
});

/**
 * Rebuild the page keeping the keyboard where it was: packs reloading or the
 * host's first answer must not take the cursor away from someone typing.
 */
function buildPage(): void {
  const focused = document.activeElement;
  const focusedId = focused?.id;
  const selection = focused instanceof HTMLInputElement || focused instanceof HTMLTextAreaElement ? [focused.selectionStart, focused.selectionEnd] : null;
  renderPage();
  if (!focusedId) return;
  const again = document.getElementById(focusedId);
  again?.focus();
  if (selection && (again instanceof HTMLInputElement || again instanceof HTMLTextAreaElement) && again.type !== 'radio') again.setSelectionRange(selection[0], selection[1]);
}

function renderPage(): void {
  const draft = page.draft;
  if (!draft) return;
  forgetShownPreview();
  const header = element(
    'header',
    { class: 'top' },
    element('h1', {}, 'Pushback composer'),
    element('p', { class: 'hint' }, 'Describe the request; the analysis and the reply follow as you type.'),
    // Screen readers hear what changed (the figures, or that the reply did) without reading the whole page again.
    element('p', { id: 'live-status', role: 'status', class: 'visually-hidden' }),
    // After a reload the last figures show at once, from the page's own state, until the host's fresh ones arrive.
    element('p', { id: 'freshness', class: 'hint' }),
  );

  const formColumn = element('div', { class: 'column form-column' }, setupSection(draft), requestSection(draft));
  const footer = element('footer', {});
  const newDraft = element('button', { type: 'button', class: 'secondary' }, 'New draft');
  newDraft.addEventListener('click', () => send({ type: 'newDraft' }));
  footer.append(newDraft);
  formColumn.append(footer);

  const analysis = element('section', { class: 'column analysis', id: 'analysis', 'aria-labelledby': 'analysis-heading' });
  const preview = element(
    'section',
    { class: 'column preview-column', 'aria-labelledby': 'reply-heading' },
    element('h2', { id: 'reply-heading' }, 'Reply'),
    actionBar(),
    element('div', { id: 'action-status', role: 'status' }),
    element('div', { id: 'problems', role: 'alert' }),
    element('div', { id: 'cio-offer' }),
    previewSwitch(() => {
      if (page.update) showPreview(page.update);
    }),
    element('article', { id: 'preview', class: 'markdown-body', 'aria-label': 'Reply preview' }),
  );
  // A change to the request makes the last "Copied…" stale.
  formColumn.addEventListener('input', clearNotice);
  formColumn.addEventListener('change', clearNotice);

  replaceChildren(app, header, element('div', { class: 'columns' }, formColumn, analysis, preview));
  if (page.update) showUpdate();
}

function rebuildSetup(): void {
  const setup = document.getElementById('setup');
  if (setup && page.draft) setup.replaceWith(setupSection(page.draft));
}

let shownAnalysis = '';
let announced = false;

function announce(text: string): void {
  const status = document.getElementById('live-status');
  if (status && status.textContent !== text) status.textContent = text;
  announced = true;
}

let shownProblems = '';

function showUpdate(): void {
  const update = page.update;
  if (!update) return;
  showFreshness();
  showFieldErrors(update.errors);
  // role="alert" re-announces on every change: touch the list only when its text changes.
  const problems = document.getElementById('problems');
  const problemsKey = update.problems.map((problem) => problem.text).join('\n');
  if (problems && (shownProblems !== problemsKey || problems.dataset.built !== 'yes')) {
    shownProblems = problemsKey;
    problems.dataset.built = 'yes';
    replaceChildren(
      problems,
      ...update.problems.map((problem) => {
        if (!problem.file) return element('p', { class: 'problem' }, problem.text);
        const link = element('a', { href: '#', class: 'problem' }, problem.text);
        link.addEventListener('click', (event) => {
          event.preventDefault();
          send({ type: 'openProblem', file: problem.file, line: problem.line, column: problem.column });
        });
        return element('p', {}, link);
      }),
    );
  }
  // Most keystrokes (the outcome, a name) leave the figures as they were: redraw only on change.
  const analysis = document.getElementById('analysis');
  const analysisKey = JSON.stringify(update.analysis ?? update.hint);
  if (analysis && (shownAnalysis !== analysisKey || !analysis.hasChildNodes())) {
    const focusedId = analysis.contains(document.activeElement) ? document.activeElement?.id : undefined;
    if (shownAnalysis !== '') announce(update.analysis ? update.analysis.figures.filter((f) => f.emphasis).map((f) => `${f.label}: ${f.value}`).concat(`${update.analysis.delays.length + update.analysis.moreDelays} slips`).join('. ') : update.hint);
    shownAnalysis = analysisKey;
    replaceChildren(analysis, ...(update.analysis ? analysisSection(update.analysis) : [element('h2', { id: 'analysis-heading' }, 'Analysis'), element('p', { class: 'hint' }, update.hint)]));
    // A proposal chosen with the arrow keys redraws the figures: the keyboard stays on the radio.
    if (focusedId) document.getElementById(focusedId)?.focus();
  }
  const missing = document.querySelector<HTMLElement>('#field-templateId')?.parentElement?.dataset.missing ?? '';
  if ((update.missingTemplate ?? '') !== missing) rebuildSetup();
  // Where the first figures of this page came from (the UI test checks a reload paints them from the saved state), and when (the reload bench).
  if (!document.documentElement.dataset.firstFigures && document.querySelector('#figures dd')) {
    document.documentElement.dataset.firstFigures = page.fresh ? 'host' : 'saved';
    document.documentElement.dataset.firstFiguresAt = String(Date.now());
  }
  showCapacityFile(update.capacityFile);
  if (showPreview(update) && !announced) announce('Reply preview updated.');
  announced = false;
  showCioOffer(update.cioNoteNeeded, () => send({ type: 'action', action: 'draftCioNote' }));
}

// Each change is rendered here at once when the page has the data; the host's answer then changes nothing.
onChangeSent(canRenderInPage, () => {
  if (!page.draft) return;
  const update = renderInPage(page.draft, page.seq, page.previewMode);
  if (!update) return;
  if (acceptUpdate(update)) showUpdate();
  updateShown(update.seq, undefined, 'page');
});

/** Say so while the figures shown are the ones saved before a reload (the host has not answered yet). */
function showFreshness(): void {
  const note = document.getElementById('freshness');
  if (note) note.textContent = page.fresh ? '' : 'Updating the figures…';
  document.getElementById('analysis')?.setAttribute('aria-busy', String(!page.fresh));
  document.getElementById('preview')?.setAttribute('aria-busy', String(!page.fresh));
}

// First paint from the webview's own state, if any (the form and, marked as updating, the last
// figures and preview), then tell the host we are ready.
if (page.draft) buildPage();
send({ type: 'ready' });
