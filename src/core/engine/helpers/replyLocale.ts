import type { HelperOptions } from 'handlebars';

/**
 * The reader's locale for one render, or undefined for today's English formats. It
 * lives on the root context (like the currency), so partials and loops see it too.
 */
export function localeOf(options: HelperOptions | undefined): string | undefined {
  const root = options?.data?.root as { locale?: unknown } | undefined;
  return typeof root?.locale === 'string' && root.locale !== '' ? root.locale : undefined;
}

/** What a formatting helper says instead of a figure it does not have, in the reader's language. */
export interface LocalePhrases {
  noDate: string;
  never: string;
  noAmount: string;
  noPercent: string;
  openDays: string;
  unknownFte: string;
  fte: string;
}

const PHRASES: Readonly<Record<string, LocalePhrases>> = {
  en: { noDate: 'no date set', never: 'not within ten years', noAmount: 'an amount to be confirmed', noPercent: 'n/a', openDays: 'an open-ended number of days', unknownFte: 'an unknown number of FTE', fte: 'FTE' },
  de: { noDate: 'kein Datum festgelegt', never: 'nicht innerhalb von zehn Jahren', noAmount: 'ein noch offener Betrag', noPercent: 'k. A.', openDays: 'eine offene Zahl von Tagen', unknownFte: 'eine noch unbekannte Zahl an FTE', fte: 'FTE' },
  fr: { noDate: 'pas de date fixée', never: "pas d'ici dix ans", noAmount: 'un montant à confirmer', noPercent: 'n.d.', openDays: 'un nombre de jours indéterminé', unknownFte: "un nombre d'ETP inconnu", fte: 'ETP' },
  ja: { noDate: '日付未定', never: '10年以内には完了しない', noAmount: '金額未定', noPercent: '該当なし', openDays: '日数未定', unknownFte: 'FTE数不明', fte: 'FTE' },
};

/** Phrases for a locale's language, English for a language we have none for. */
export function phrasesFor(locale: string | undefined): LocalePhrases {
  const language = locale?.split('-')[0].toLowerCase() ?? 'en';
  return PHRASES[language] ?? PHRASES.en;
}

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** Intl formatters are costly to build and each render calls a helper many times: one per locale and style. */
export function cachedFormatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = build();
    formatters.set(key, formatter);
  }
  return formatter;
}
