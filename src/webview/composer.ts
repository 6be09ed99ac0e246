/**
 * The composer's page: a form, the live analysis and the reply preview. It holds
 * no business logic: every keystroke goes to the host, which validates, analyzes
 * and renders, and sends back an update. The draft is also kept in the webview's
 * own state so the form paints instantly when the view is shown again.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-form-helper/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { DraftField, DraftForm } from '../core/draft/draftForm';
import type { AnalysisView, CapacityOption, ComposerAction, ComposerUpdate, FromWebview, TemplateOption, ToWebview } from '../shared/protocol';
import { utilizationChart, slipTimeline } from './charts';
import { element, replaceChildren } from './dom';
import { teamsPreview } from './teamsPreview';
import { templateFieldsSection } from './templateFields';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const send = (message: FromWebview) => vscode.postMessage(message);

interface FieldSpec {
  field: DraftField;
  label: string;
  kind: 'text' | 'number' | 'date' | 'textarea' | 'informer';
  placeholder?: string;
  help?: string;
}

const FIELDS: FieldSpec[] = [
  { field: 'title', label: 'What is asked', kind: 'text', placeholder: 'Customer order-tracking portal' },
  { field: 'requesterName', label: 'Requester', kind: 'text', placeholder: 'Dana Whitfield' },
  { field: 'requesterTitle', label: 'Requester\'s title', kind: 'text', placeholder: 'VP Sales' },
  { field: 'effortDays', label: 'Effort (person-days)', kind: 'number', placeholder: '45' },
  { field: 'neededBy', label: 'Needed by', kind: 'date', help: 'YYYY-MM-DD; leave empty if no date was given' },
  { field: 'rank', label: 'Priority rank', kind: 'number', help: '1 goes before everything; a higher number goes after the work ranked above it' },
  { field: 'costOfDelayPerWeek', label: 'Cost of delay per week', kind: 'number', placeholder: '0' },
  { field: 'outcome', label: 'Business outcome', kind: 'textarea', placeholder: 'cut "where is my order?" calls by a third' },
  { field: 'informsCio', label: 'Who informs the CIO', kind: 'informer' },
];

let draft: DraftForm | undefined = (vscode.getState() as { draft?: DraftForm } | undefined)?.draft;
let seq = 0;
let newestShown = 0;
/** Fields the user has typed in: a blank new draft should invite, not scold. */
const touched = new Set<DraftField>();
const sentAt = new Map<number, number>();
/** Keystroke-to-preview times (ms), read by `npm run bench` through the page. */
const latencySamples: number[] = [];
/** The host's share of each answer (ms), to tell rendering from transport. */
const hostSamples: number[] = [];
Object.assign(window, { pushbackLatency: latencySamples, pushbackHostMs: hostSamples });
let lastUpdate: ComposerUpdate | undefined;
let templates: TemplateOption[] = [];
let capacities: CapacityOption[] = [];
let trusted = true;

const app = document.getElementById('app') as HTMLElement;

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'init':
      templates = message.templates;
      capacities = message.capacities;
      trusted = message.trusted;
      // Typed before the host answered: the host already has those keystrokes, keep them on screen.
      if (seq === 0) draft = message.draft;
      buildPage();
      break;
    case 'choices':
      templates = message.templates;
      capacities = message.capacities;
      buildPage();
      break;
    case 'draftReplaced':
      draft = message.draft;
      touched.clear();
      saveState();
      buildPage();
      break;
    case 'update':
      showUpdate(message.update);
      break;
    case 'richCopy':
      void writeRichCopy(message.html, message.text);
      break;
  }
});

function saveState(): void {
  vscode.setState({ draft });
}

/** Called on every edit: keep the draft, and ask the host for a new analysis and preview. */
function changed(field: DraftField, value: string): void {
  if (!draft) return;
  touched.add(field);
  draft = { ...draft, [field]: value };
  saveState();
  seq += 1;
  sentAt.set(seq, performance.now());
  send({ type: 'formChanged', seq, draft });
  // Another template asks for other things: show its section (the focus stays on the select).
  if (field === 'templateId') buildPage();
}

/** A value in the "This template asks" section: kept per template, sent like any other edit. */
function fieldValueChanged(templateId: string, id: string, value: string | number | boolean | null): void {
  if (!draft) return;
  const all = draft.fieldValues ?? {};
  draft = { ...draft, fieldValues: { ...all, [templateId]: { ...all[templateId], [id]: value } } };
  saveState();
  seq += 1;
  sentAt.set(seq, performance.now());
  send({ type: 'formChanged', seq, draft });
}

/**
 * Rebuild the page keeping the keyboard where it was: packs reloading or the
 * host's first answer must not take the cursor away from someone typing.
 */
function buildPage(): void {
  const focusedId = document.activeElement?.id;
  const inner = focusedId ? document.getElementById(focusedId)?.shadowRoot?.querySelector('input, textarea') : null;
  const selection = inner instanceof HTMLInputElement || inner instanceof HTMLTextAreaElement ? [inner.selectionStart, inner.selectionEnd] : null;
  renderPage();
  if (!focusedId) return;
  const again = document.getElementById(focusedId);
  again?.focus();
  const field = again?.shadowRoot?.querySelector('input, textarea');
  if (selection && (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) field.setSelectionRange(selection[0], selection[1]);
}

function renderPage(): void {
  if (!draft) return;
  const current = draft;
  shownHtml = '';
  shownAnalysis = '';
  const form = element('form', { class: 'request', 'aria-label': 'The request' });
  form.addEventListener('submit', (event) => event.preventDefault());
  form.append(element('h2', {}, 'Request'));
  for (const spec of FIELDS) form.append(fieldControl(spec, current));
  // An empty choice renders with the default template (the host's DEFAULT_TEMPLATE_ID).
  const asks = templateFieldsSection(templates.find((t) => t.id === (current.templateId || 'yes-and-tradeoffs')), current, fieldValueChanged);
  if (asks) form.append(asks);

  const setup = element('section', { class: 'setup', 'aria-label': 'Data and template' });
  setup.append(
    selectControl('capacityFile', 'Capacity data', capacities.map((c) => ({ value: c.file, label: c.label })), current.capacityFile || lastUpdate?.capacityFile || ''),
    selectControl('templateId', 'Template', templates.map((t) => ({ value: t.id, label: t.name, description: `${t.description} (${t.pack})` })), current.templateId),
  );
  if (!trusted) {
    setup.append(element('p', { class: 'notice', role: 'note' }, 'This workspace is in Restricted Mode, so only the sample team is available. Trust the folder (Manage Workspace Trust) to use its capacity files.'));
  }

  const analysis = element('section', { class: 'analysis', id: 'analysis', 'aria-label': 'Analysis' });
  const preview = element('section', { class: 'preview', 'aria-label': 'Reply preview' });
  preview.append(
    element('h2', {}, 'Reply'),
    actionBar(),
    element('div', { id: 'problems', role: 'alert' }),
    element('div', { id: 'cio-offer' }),
    previewSwitch(),
    element('article', { id: 'preview', class: 'markdown-body', tabindex: '0', 'aria-label': 'Reply preview' }),
  );

  const footer = element('footer', {});
  const newDraft = element('vscode-button', { secondary: '' }, 'New draft');
  newDraft.addEventListener('click', () => send({ type: 'newDraft' }));
  footer.append(newDraft);

  replaceChildren(app, setup, form, analysis, preview, footer);
  if (lastUpdate) showUpdate(lastUpdate);
}

function fieldControl(spec: FieldSpec, current: DraftForm): HTMLElement {
  const id = `field-${spec.field}`;
  const group = element('div', { class: 'field' });
  group.append(element('vscode-label', { for: id }, spec.label));
  let control: HTMLElement;
  if (spec.kind === 'informer') {
    control = element('vscode-single-select', { id, 'aria-label': spec.label });
    for (const [value, label] of [['', 'The team default'], ['requester', 'The requester'], ['me', 'Me'], ['sponsor', 'The sponsor of the first delayed item']]) {
      control.append(element('vscode-option', { value, ...(current.informsCio === value ? { selected: '' } : {}) }, label));
    }
    control.addEventListener('change', () => changed(spec.field, (control as HTMLInputElement).value));
  } else {
    const tag = spec.kind === 'textarea' ? 'vscode-textarea' : 'vscode-textfield';
    control = element(tag, { id, label: spec.label, placeholder: spec.placeholder ?? '', ...(spec.kind === 'number' ? { inputmode: 'decimal' } : {}), ...(spec.kind === 'date' ? { placeholder: 'YYYY-MM-DD' } : {}) });
    (control as HTMLInputElement).value = current[spec.field];
    control.addEventListener('input', () => changed(spec.field, (control as HTMLInputElement).value));
  }
  control.setAttribute('aria-describedby', `${id}-message`);
  group.append(control, element('vscode-form-helper', { id: `${id}-message`, class: 'helper' }, spec.help ?? ''));
  return group;
}

function selectControl(field: DraftField, label: string, options: { value: string; label: string; description?: string }[], selected: string): HTMLElement {
  const id = `field-${field}`;
  const group = element('div', { class: 'field' });
  const select = element('vscode-single-select', { id, 'aria-label': label });
  for (const option of options) {
    select.append(element('vscode-option', { value: option.value, description: option.description ?? '', ...(option.value === selected ? { selected: '' } : {}) }, option.label));
  }
  select.addEventListener('change', () => changed(field, (select as HTMLInputElement).value));
  group.append(element('vscode-label', { for: id }, label), select);
  return group;
}

function actionBar(): HTMLElement {
  const bar = element('div', { class: 'actions', role: 'toolbar', 'aria-label': 'Reply actions' });
  const actions: [ComposerAction, string, boolean][] = [
    ['insert', 'Insert at cursor', false],
    ['openDocument', 'Open as document', true],
    ['copyMarkdown', 'Copy Markdown', true],
    ['copyHtml', 'Copy for email (rich)', true],
    ['copyText', 'Copy plain text', true],
    ['copyTeamsCard', 'Copy Teams card JSON', true],
    ['postToTeams', 'Post to Teams…', true],
  ];
  for (const [action, label, secondary] of actions) {
    const button = element('vscode-button', { 'data-action': action, ...(secondary ? { secondary: '' } : {}) }, label);
    button.addEventListener('click', () => (action === 'copyHtml' ? copyRich() : send({ type: 'action', action })));
    bar.append(button);
  }
  return bar;
}

/** Which rendering the preview shows: the email text, or the card Teams will show. */
let previewMode: 'email' | 'teams' = 'email';
/** What the page shows now, so an update that changes nothing there touches no DOM. */
let shownHtml = '';
let shownAnalysis = '';

function previewSwitch(): HTMLElement {
  const group = element('vscode-radio-group', { id: 'preview-mode', 'aria-label': 'Preview as' });
  for (const [mode, label] of [['email', 'Email / document'], ['teams', 'Teams card']] as const) {
    const radio = element('vscode-radio', { name: 'preview-mode', value: mode, label, ...(previewMode === mode ? { checked: '' } : {}) }, label);
    radio.addEventListener('change', () => {
      previewMode = mode;
      // The host builds the card only while it is shown: ask for a render with it.
      send({ type: 'previewMode', mode });
      if (lastUpdate) showPreview(lastUpdate);
    });
    group.append(radio);
  }
  return group;
}

function showPreview(update: ComposerUpdate): void {
  const preview = document.getElementById('preview');
  if (!preview) return;
  if (!update.html) {
    replaceChildren(preview, element('p', { class: 'hint' }, update.hint));
  } else if (previewMode === 'teams') {
    const card = update.teamsCard;
    replaceChildren(preview, !card ? element('p', { class: 'hint' }, update.hint) : 'refused' in card ? element('p', { class: 'warning' }, card.refused) : teamsPreview(card.card));
  } else if (shownHtml !== update.html) {
    preview.innerHTML = update.html; // markdown-it output with raw HTML disabled: no markup from data
  }
  shownHtml = previewMode === 'email' ? update.html : '';
  const offer = document.getElementById('cio-offer');
  if (offer) {
    if (update.cioNoteNeeded) {
      const button = element('vscode-button', { secondary: '' }, 'Draft the note to the CIO');
      button.addEventListener('click', () => send({ type: 'action', action: 'draftCioNote' }));
      replaceChildren(offer, element('p', { class: 'notice' }, 'This changes agreed priorities, so the CIO needs to hear about it. '), button);
    } else {
      replaceChildren(offer);
    }
  }
}

/**
 * Rich HTML must be written from here: only the webview's clipboard can hold
 * text/html. The host sends the email HTML on request (it is not computed per
 * keystroke); the click's user activation outlasts that round trip.
 */
function copyRich(): void {
  send({ type: 'requestRichCopy' });
}

async function writeRichCopy(html: string, text: string): Promise<void> {
  try {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' }),
      }),
    ]);
    showNotice('Copied as formatted text: paste it into Outlook or Gmail.');
    send({ type: 'action', action: 'copyHtml' });
  } catch {
    send({ type: 'action', action: 'copyText' });
    showNotice('Rich copy is not available here, so the plain text was copied instead.');
  }
}

function showNotice(text: string): void {
  const problems = document.getElementById('problems');
  if (problems) {
    problems.dataset.key = 'notice'; // the next update replaces the notice with its problems (or nothing)
    replaceChildren(problems, element('p', { class: 'notice' }, text));
  }
}

function showUpdate(update: ComposerUpdate): void {
  // Only the newest answer counts: an older render finishing late must not overwrite a newer one.
  if (update.seq !== 0 && update.seq < newestShown) return;
  newestShown = Math.max(newestShown, update.seq);
  lastUpdate = update;
  for (const spec of FIELDS) {
    const shown = touched.has(spec.field) || (draft?.[spec.field] ?? '') !== '';
    const message = shown ? update.errors[spec.field] : undefined;
    const control = document.getElementById(`field-${spec.field}`);
    const helper = document.getElementById(`field-${spec.field}-message`);
    if (!control || !helper) continue;
    control.toggleAttribute('invalid', Boolean(message));
    control.setAttribute('aria-invalid', message ? 'true' : 'false');
    helper.textContent = message ?? spec.help ?? '';
    helper.classList.toggle('error', Boolean(message));
  }
  // role="alert" re-announces on every change: touch the list only when its text changes.
  const problems = document.getElementById('problems');
  const problemsKey = update.problems.map((problem) => problem.text).join('\n');
  if (problems && problems.dataset.key !== problemsKey) {
    problems.dataset.key = problemsKey;
    replaceChildren(
      problems,
      ...update.problems.map((problem) => {
        const link = element('a', { href: '#', class: 'problem' }, problem.text);
        link.addEventListener('click', (event) => {
          event.preventDefault();
          send({ type: 'openProblem', file: problem.file, line: problem.line });
        });
        return element('p', {}, link);
      }),
    );
  }
  // Most keystrokes (the outcome, a name) leave the figures as they were: redraw only on change.
  const analysis = document.getElementById('analysis');
  const analysisKey = JSON.stringify(update.analysis ?? update.hint);
  if (analysis && (shownAnalysis !== analysisKey || !analysis.hasChildNodes())) {
    shownAnalysis = analysisKey;
    replaceChildren(analysis, ...(update.analysis ? analysisSection(update.analysis) : [element('p', { class: 'hint' }, update.hint)]));
  }
  const capacitySelect = document.getElementById('field-capacityFile') as HTMLInputElement | null;
  if (capacitySelect && capacitySelect.value !== update.capacityFile) capacitySelect.value = update.capacityFile;
  showPreview(update);
  // Every keystroke this update includes is answered now (the host coalesces keystrokes typed during a render).
  const now = performance.now();
  for (const [sentSeq, started] of sentAt) {
    if (sentSeq > update.seq) continue;
    latencySamples.push(now - started);
    sentAt.delete(sentSeq);
  }
  if (update.renderMs !== undefined && update.seq > 0) hostSamples.push(update.renderMs);
  if (latencySamples.length > 5000) latencySamples.splice(0, latencySamples.length - 5000);
  if (hostSamples.length > 5000) hostSamples.splice(0, hostSamples.length - 5000);
}

function analysisSection(view: AnalysisView): HTMLElement[] {
  const figures = element('dl', { class: 'figures' });
  for (const figure of view.figures) {
    figures.append(element('dt', {}, figure.label), element('dd', figure.emphasis ? { class: 'emphasis' } : {}, figure.value));
  }
  const alternatives = element('vscode-radio-group', { id: 'field-proposal', variant: 'vertical', 'aria-label': 'Alternative to propose' });
  for (const alternative of view.alternatives) {
    const radio = element('vscode-radio', {
      name: 'proposal',
      value: alternative.kind,
      label: `${alternative.label}: ${alternative.detail}`,
      ...(alternative.kind === view.proposal ? { checked: '' } : {}),
      ...(alternative.available ? {} : { disabled: '' }),
    }, `${alternative.label} — ${alternative.detail}`);
    radio.addEventListener('change', () => changed('proposal', alternative.kind));
    alternatives.append(radio);
  }
  const sections: HTMLElement[] = [
    element('h2', {}, `Analysis — ${view.team}`),
    utilizationChart(view.utilizationBefore, view.utilizationAfter),
    figures,
  ];
  if (view.delays.length > 0) {
    sections.push(element('h3', {}, 'What slips'), slipTimeline(view.delays));
    if (view.moreDelays > 0) sections.push(element('p', { class: 'hint' }, `…and ${view.moreDelays} more, listed in the reply.`));
  } else {
    sections.push(element('p', {}, 'Nothing already promised slips.'));
  }
  sections.push(
    element('h3', {}, 'Funding'),
    element('p', {}, view.fundingAsk),
    element('h3', {}, 'Propose'),
    alternatives,
    element('h3', {}, 'Informing the CIO'),
    element('p', {}, view.informCio),
    ...view.warnings.map((w) => element('p', { class: 'warning', role: 'note' }, w)),
  );
  return sections;
}

// First paint from the webview's own state, if any, then tell the host we are ready.
if (draft) buildPage();
send({ type: 'ready' });
