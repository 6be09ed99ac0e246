import { element } from './dom';

export interface RadioChoice<T extends string> {
  value: T;
  label: string;
  disabled?: boolean;
}

/**
 * A group of native radio buttons in a fieldset: exposed as radios (one checked),
 * moved with the arrow keys by the browser, and every move fires `change` like a
 * click does, so the keyboard and the mouse act alike.
 */
export function radioGroup<T extends string>(id: string, legend: string, choices: RadioChoice<T>[], checked: T | undefined, onChange: (value: T) => void): HTMLElement {
  const group = element('fieldset', { id, class: 'radios' });
  group.append(element('legend', {}, legend));
  for (const choice of choices) {
    const inputId = `${id}-${choice.value}`;
    const input = element('input', { type: 'radio', id: inputId, name: id, value: choice.value }) as HTMLInputElement;
    input.checked = choice.value === checked;
    input.disabled = Boolean(choice.disabled);
    input.addEventListener('change', () => {
      if (input.checked) onChange(choice.value);
    });
    group.append(element('div', { class: 'radio' }, input, element('label', { for: inputId }, choice.label)));
  }
  return group;
}
