import { canonicalLocale } from '../schema/fields';
import type { CompiledTemplate } from './compileTemplate';

/**
 * The translation of a template a reader in `locale` gets: the exact locale
 * (`fr-CA`), else its language (`fr`), else the template itself.
 */
export function localizedTemplate(template: CompiledTemplate, locale: string | undefined): CompiledTemplate {
  const translations = template.translations;
  if (!translations || !locale) return template;
  const tag = canonicalLocale(locale);
  if (!tag) return template;
  const language = tag.split('-')[0];
  if (Object.hasOwn(translations, tag)) return translations[tag];
  return Object.hasOwn(translations, language) ? translations[language] : template;
}

/** `yes-and-tradeoffs.de.hbs` beside `yes-and-tradeoffs.hbs` → `de`; undefined for any other name. */
export function translationLocaleOf(templateName: string, candidate: string): string | undefined {
  const base = templateName.replace(/\.hbs$/, '');
  if (!candidate.startsWith(`${base}.`) || !candidate.endsWith('.hbs')) return undefined;
  const tag = candidate.slice(base.length + 1, -'.hbs'.length);
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag)) return undefined;
  return canonicalLocale(tag);
}
