/**
 * The composer's "This template asks" section: one control per field the chosen
 * template declares, with the control its kind needs (a date field, a select, a
 * checkbox, a number field with its bounds, a multi-line box). Values live in the
 * draft per template (`fieldValues[templateId]`), so switching templates loses
 * nothing. Native controls with real <label for=…> and help text as the control's
 * aria-describedby, like the request's fields; the host checks every value.
 */
import type { DraftForm } from '../../core/draft/draftForm';
import type { FieldValue, TemplateField } from '../../core/engine/templateFields';
import type { TemplateOption } from '../../shared/protocol';
import { element } from './dom';

export type FieldValueChange = (templateId: string, id: string, value: FieldValue) => void;

/** The section for the draft's template, or nothing when that template asks for nothing. */
export function templateFieldsSection(template: TemplateOption | undefined, draft: DraftForm, onChange: FieldValueChange): HTMLElement | undefined {
  if (!template || template.fields.length === 0) return undefined;
  const section = element('section', { id: 'template-fields', class: 'template-fields', 'aria-labelledby': 'template-fields-heading' });
  section.append(element('h2', { id: 'template-fields-heading' }, 'This template asks'));
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
  switch (field.kind) {
    case 'toggle': {
      const box = element('input', { type: 'checkbox', id, ...describedBy }) as HTMLInputElement;
      box.checked = value === true;
      box.addEventListener('change', () => onChange(templateId, field.id, box.checked));
      group.classList.add('checkbox');
      group.append(element('div', { class: 'radio' }, box, element('label', { for: id }, label)));
      break;
    }
    case 'choice': {
      const select = element('select', { id, ...describedBy }) as HTMLSelectElement;
      for (const option of ['', ...(field.options ?? [])]) select.append(element('option', { value: option }, option === '' ? '(none)' : option));
      select.value = text;
      select.addEventListener('change', () => onChange(templateId, field.id, select.value || null));
      group.append(element('label', { for: id }, label), select);
      break;
    }
    default: {
      const typed: Record<string, string> =
        field.kind === 'date'
          ? { type: 'date' }
          : field.kind === 'number'
            ? { type: 'number', inputmode: 'decimal', ...(field.min !== undefined ? { min: String(field.min) } : {}), ...(field.max !== undefined ? { max: String(field.max) } : {}) }
            : field.kind === 'longtext'
              ? { rows: '3' }
              : { type: 'text' };
      const control = element(field.kind === 'longtext' ? 'textarea' : 'input', { id, ...typed, ...describedBy, ...(field.required ? { required: '' } : {}) }) as HTMLInputElement | HTMLTextAreaElement;
      control.value = text;
      // Sent as typed: the host checks the kind and says what is wrong beside the preview.
      control.addEventListener('input', () => onChange(templateId, field.id, control.value));
      group.append(element('label', { for: id }, label), control);
    }
  }
  group.append(element('p', { id: `${id}-message`, class: 'helper' }, field.help ?? ''));
  return group;
}
