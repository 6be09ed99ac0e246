/**
 * The composer's "This template asks" section: one control per field the chosen
 * template declares, with the control its kind needs (a date field, a select, a
 * checkbox, a number field with its bounds, a multi-line box). Values live in the
 * draft per template (`fieldValues[templateId]`), so switching templates loses
 * nothing. Labels are real <vscode-label for=…> and help text is the control's
 * aria-describedby, like the request's fields; the host checks every value.
 */
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import type { DraftForm } from '../core/draft/draftForm';
import type { FieldValue, TemplateField } from '../core/engine/templateFields';
import type { TemplateOption } from '../shared/protocol';
import { element } from './dom';

export type FieldValueChange = (templateId: string, id: string, value: FieldValue) => void;

/** The section for the draft's template, or nothing when that template asks for nothing. */
export function templateFieldsSection(template: TemplateOption | undefined, draft: DraftForm, onChange: FieldValueChange): HTMLElement | undefined {
  if (!template || template.fields.length === 0) return undefined;
  const section = element('section', { class: 'template-fields', 'aria-labelledby': 'template-fields-heading' });
  section.append(element('h2', { id: 'template-fields-heading' }, 'This template asks'));
  // A draft kept in the webview's state by an older version has no fieldValues yet.
  const values = draft.fieldValues?.[template.id] ?? {};
  for (const field of template.fields) section.append(fieldControl(template.id, field, Object.hasOwn(values, field.id) ? values[field.id] : field.default, onChange));
  return section;
}

function fieldControl(templateId: string, field: TemplateField, value: FieldValue | undefined, onChange: FieldValueChange): HTMLElement {
  const id = `template-field-${field.id}`;
  const label = `${field.label ?? field.id}${field.required ? ' (required)' : ''}`;
  const group = element('div', { class: 'field' });
  const describedBy = { 'aria-describedby': `${id}-message` };
  const text = value === undefined || value === null ? '' : String(value);
  let control: HTMLElement;
  switch (field.kind) {
    case 'toggle':
      control = element('vscode-checkbox', { id, label, ...describedBy, ...(value === true ? { checked: '' } : {}) }, label);
      control.addEventListener('change', () => onChange(templateId, field.id, (control as HTMLInputElement).checked));
      group.append(control);
      break;
    case 'choice':
      control = element('vscode-single-select', { id, 'aria-label': label, ...describedBy });
      for (const option of ['', ...(field.options ?? [])]) {
        control.append(element('vscode-option', { value: option, ...(option === text ? { selected: '' } : {}) }, option === '' ? '(none)' : option));
      }
      control.addEventListener('change', () => onChange(templateId, field.id, (control as HTMLInputElement).value || null));
      group.append(element('vscode-label', { for: id }, label), control);
      break;
    default: {
      const tag = field.kind === 'longtext' ? 'vscode-textarea' : 'vscode-textfield';
      const typed: Record<string, string> =
        field.kind === 'date'
          ? { type: 'date' }
          : field.kind === 'number'
            ? { type: 'number', inputmode: 'decimal', ...(field.min !== undefined ? { min: String(field.min) } : {}), ...(field.max !== undefined ? { max: String(field.max) } : {}) }
            : {};
      control = element(tag, { id, label, ...typed, ...describedBy, ...(field.required ? { required: '' } : {}) });
      (control as HTMLInputElement).value = text;
      // Sent as typed: the host checks the kind and says what is wrong beside the preview.
      control.addEventListener('input', () => onChange(templateId, field.id, (control as HTMLInputElement).value));
      group.append(element('vscode-label', { for: id }, label), control);
    }
  }
  group.append(element('vscode-form-helper', { id: `${id}-message`, class: 'helper' }, field.help ?? ''));
  return group;
}
