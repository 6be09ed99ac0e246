import type { HandlebarsEnvironment } from '../templateEnvironment';

/**
 * `{{list names}}` → `A, B and C`; `{{list delays "title"}}` takes one field of each
 * item; `{{list names "" "or"}}` → `A, B or C`; `{{firstName "Dana Whitfield"}}` → `Dana`.
 */
export function register(handlebars: HandlebarsEnvironment): void {
  handlebars.registerHelper('list', (items: unknown, field: unknown, conjunction: unknown) => {
    const values = Array.isArray(items) ? items : [];
    // Own fields only: `{{list items "constructor"}}` must not reach Object.prototype.
    const own = (item: unknown, key: string) => (item !== null && typeof item === 'object' && Object.hasOwn(item, key) ? (item as Record<string, unknown>)[key] : undefined);
    const words = typeof field === 'string' && field !== '' ? values.map((item) => own(item, field)) : values;
    // A missing field in one item drops that item rather than printing "null" in a sentence.
    return listInProse(words.filter((word) => word != null).map(String), typeof conjunction === 'string' ? conjunction : 'and');
  });
  // Greetings use the first name: "Hi Dana," reads like a colleague, "Hi Dana Whitfield," like a form letter.
  handlebars.registerHelper('firstName', (name: unknown) => String(name ?? '').trim().split(/\s+/)[0]);
}

export function listInProse(words: readonly string[], conjunction = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}
