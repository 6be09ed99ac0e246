import type { DraftField, DraftForm } from '../../core/draft/draftForm';
import { element } from './dom';
import { change, page } from './state';
import { templateSection } from './templateSection';

interface FieldSpec {
  field: DraftField;
  label: string;
  kind: 'text' | 'number' | 'date' | 'textarea' | 'informer';
  placeholder?: string;
  help?: string;
}

export const FIELDS: FieldSpec[] = [
  { field: 'title', label: 'What is asked', kind: 'text', placeholder: 'Customer order-tracking portal' },
  { field: 'requesterName', label: 'Requester', kind: 'text', placeholder: 'Dana Whitfield' },
  { field: 'requesterTitle', label: 'Requester\'s title', kind: 'text', placeholder: 'VP Sales' },
  { field: 'effortDays', label: 'Effort (person-days)', kind: 'number', placeholder: '45' },
  { field: 'neededBy', label: 'Needed by', kind: 'date', placeholder: 'YYYY-MM-DD', help: 'YYYY-MM-DD; leave empty if no date was given' },
  { field: 'rank', label: 'Priority rank', kind: 'number', help: '1 goes before everything; a higher number goes after the work ranked above it' },
  { field: 'costOfDelayPerWeek', label: 'Cost of delay per week', kind: 'number', placeholder: '0' },
  { field: 'outcome', label: 'Business outcome', kind: 'textarea', placeholder: 'cut "where is my order?" calls by a third' },
  { field: 'informsCio', label: 'Who informs the CIO', kind: 'informer' },
];

const INFORMERS: [DraftForm['informsCio'], string][] = [
  ['', 'The team default'],
  ['requester', 'The requester'],
  ['me', 'Me'],
  ['sponsor', 'The sponsor of the first delayed item'],
];

/** The capacity data and the template: which team and which reply. */
export function setupSection(draft: DraftForm): HTMLElement {
  const setup = element('section', { id: 'setup', class: 'setup', 'aria-labelledby': 'setup-heading' });
  setup.append(element('h2', { id: 'setup-heading' }, 'Data and template'));
  const capacity = page.capacities.map((c) => ({ value: c.file, label: c.problem ? `${c.label} — has problems` : c.label }));
  setup.append(selectField('capacityFile', 'Capacity data', capacity, draft.capacityFile || page.update?.capacityFile || ''));

  const templates = page.templates.map((t) => ({ value: t.id, label: `${t.name} (${t.pack})` }));
  const chosen = draft.templateId || page.update?.templateId || '';
  // The template in use is gone (its pack broke or was removed): say so in the box itself, not only in the preview.
  const missing = chosen !== '' && !page.templates.some((t) => t.id === chosen) ? chosen : null;
  if (missing) templates.unshift({ value: missing, label: `${missing} — not available any more` });
  const template = selectField('templateId', 'Template', templates, chosen);
  template.dataset.missing = missing ?? '';
  const help = template.querySelector('.helper');
  if (help) {
    help.textContent = missing
      ? `The template "${missing}" is not available any more: its pack broke or was removed. Pick another one.`
      : (page.templates.find((t) => t.id === chosen)?.description ?? '');
    help.classList.toggle('error', Boolean(missing));
  }
  setup.append(template);
  if (!page.trusted) {
    setup.append(element('p', { class: 'notice', role: 'note' }, 'This workspace is in Restricted Mode, so only the sample team is available. Trust the folder (Manage Workspace Trust) to use its capacity files.'));
  }
  return setup;
}

/** The request as it was asked, then the place for the chosen template's own questions. */
export function requestSection(draft: DraftForm): HTMLElement {
  const form = element('form', { class: 'request', 'aria-labelledby': 'request-heading' });
  form.addEventListener('submit', (event) => event.preventDefault());
  form.append(element('h2', { id: 'request-heading' }, 'Request'));
  for (const spec of FIELDS) form.append(fieldControl(spec, draft));
  const perTemplate = templateSection(draft);
  if (perTemplate) form.append(perTemplate);
  return form;
}

function fieldControl(spec: FieldSpec, draft: DraftForm): HTMLElement {
  const id = `field-${spec.field}`;
  const group = element('div', { class: 'field' });
  group.append(element('label', { for: id }, spec.label));
  let control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  if (spec.kind === 'informer') {
    control = element('select', { id }) as HTMLSelectElement;
    for (const [value, label] of INFORMERS) control.append(element('option', { value }, label));
    control.value = draft.informsCio;
    control.addEventListener('change', () => change(spec.field, control.value));
  } else {
    control = element(spec.kind === 'textarea' ? 'textarea' : 'input', {
      id,
      ...(spec.kind === 'textarea' ? { rows: '3' } : { type: 'text' }),
      ...(spec.kind === 'number' ? { inputmode: 'decimal' } : {}),
      ...(spec.placeholder ? { placeholder: spec.placeholder } : {}),
    }) as HTMLInputElement | HTMLTextAreaElement;
    control.value = draft[spec.field];
    control.addEventListener('input', () => change(spec.field, control.value));
  }
  control.setAttribute('aria-describedby', `${id}-message`);
  group.append(control, element('p', { id: `${id}-message`, class: 'helper' }, spec.help ?? ''));
  return group;
}

function selectField(field: DraftField, label: string, options: { value: string; label: string }[], selected: string): HTMLElement {
  const id = `field-${field}`;
  const group = element('div', { class: 'field' });
  const select = element('select', { id, 'aria-describedby': `${id}-message` }) as HTMLSelectElement;
  for (const option of options) select.append(element('option', { value: option.value }, option.label));
  select.value = selected;
  select.addEventListener('change', () => {
    change(field, select.value);
    // Another template asks for other things: show its section (the focus stays on the select).
    if (field === 'templateId') refreshTemplateSection();
  });
  group.append(element('label', { for: id }, label), select, element('p', { id: `${id}-message`, class: 'helper' }, ''));
  return group;
}

/** Replace the "This template asks" section with the one of the template now chosen. */
export function refreshTemplateSection(): void {
  if (!page.draft) return;
  const next = templateSection(page.draft);
  const current = document.getElementById('template-fields');
  if (current && next) current.replaceWith(next);
  else if (current) current.remove();
  else if (next) document.querySelector('form.request')?.append(next);
}

/** Errors beside their fields, once the user has typed there (or the field has content). */
export function showFieldErrors(errors: Partial<Record<DraftField, string>>): void {
  for (const spec of FIELDS) {
    const shown = page.touched.has(spec.field) || (page.draft?.[spec.field] ?? '') !== '';
    const message = shown ? errors[spec.field] : undefined;
    const control = document.getElementById(`field-${spec.field}`);
    const helper = document.getElementById(`field-${spec.field}-message`);
    if (!control || !helper) continue;
    control.setAttribute('aria-invalid', message ? 'true' : 'false');
    helper.textContent = message ?? spec.help ?? '';
    helper.classList.toggle('error', Boolean(message));
  }
}

/** The capacity box follows the file the host used (the default, when the draft names none). */
export function showCapacityFile(file: string): void {
  const select = document.getElementById('field-capacityFile') as HTMLSelectElement | null;
  if (select && !page.draft?.capacityFile && select.value !== file) select.value = file;
}
