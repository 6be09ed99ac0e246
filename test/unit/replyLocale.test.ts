import assert from 'node:assert/strict';
import { compileTemplate } from '../../src/core/engine/compileTemplate';
import { renderReply } from '../../src/core/engine/renderReply';
import type { ReplyInput } from '../../src/core/engine/replyContext';
import { createTemplateEnvironment } from '../../src/core/engine/templateEnvironment';
import { formatDate } from '../../src/core/engine/helpers/dates';
import { formatMoney } from '../../src/core/engine/helpers/money';
import { formatDays, formatFte, formatNumber, formatPercent } from '../../src/core/engine/helpers/numbers';
import { analyze } from '../../src/core/model/analyze';
import { namedCapacity as capacity, namedRequest as request } from './fixtures/workedExample';

const input: ReplyInput = { request, capacity: { ...capacity, currency: 'USD' }, analysis: analyze(capacity, request), today: '2027-01-04' };
const BODY = '{{date "2027-01-19"}} | {{shortDate "2027-01-19"}} | {{money 49300}} | {{percent 1.08}} | {{number 1234.567 2}} | {{days 2.5}} | {{days 1}} | {{fte 0.5}}';

function render(locale: string | undefined, body = BODY, extra: Partial<ReplyInput> = {}): string {
  const compiled = compileTemplate(createTemplateEnvironment(), 't.hbs', `---\nid: t\nname: T\ndescription: D\ntone: plain\nchannel: email\n---\n${body}`);
  assert.ok(compiled.ok);
  const reply = renderReply(compiled.value, { ...input, ...extra, ...(locale ? { locale } : {}) });
  assert.ok(reply.ok, JSON.stringify(reply));
  return reply.value.trim().replace(/[\u00a0\u202f]/g, ' ');
}

describe('replies in the reader\'s locale', () => {
  it('with no locale, reads exactly as before', () => {
    assert.equal(render(undefined), 'Tue 19 Jan 2027 | Tue 19 Jan | $49,300 | 108% | 1,234.57 | 2.5 days | 1 day | 0.5 FTE');
  });
  const expected: Record<string, string> = {
    'en-US': 'Tue, Jan 19, 2027 | Tue, Jan 19 | $49,300 | 108% | 1,234.57 | 2.5 days | 1 day | 0.5 FTE',
    'en-GB': 'Tue, 19 Jan 2027 | Tue 19 Jan | US$49,300 | 108% | 1,234.57 | 2.5 days | 1 day | 0.5 FTE',
    'de-DE': 'Di., 19. Jan. 2027 | Di., 19. Jan. | 49.300 $ | 108 % | 1.234,57 | 2,5 Tage | 1 Tag | 0,5 FTE',
    'fr-FR': 'mar. 19 janv. 2027 | mar. 19 janv. | 49 300 $US | 108 % | 1 234,57 | 2,5 jours | 1 jour | 0,5 ETP',
    'ja-JP': '2027年1月19日(火) | 1月19日(火) | $49,300 | 108% | 1,234.57 | 2.5 日 | 1 日 | 0.5 FTE',
  };
  for (const [locale, text] of Object.entries(expected)) {
    it(`formats dates, money, percentages, numbers, days and FTE for ${locale}`, () => {
      assert.equal(render(locale), text);
    });
  }
  it('keeps the data\'s currency and only changes its format', () => {
    assert.equal(render('de-DE', '{{money 1200}}', { capacity: { ...capacity, currency: 'EUR' } }), '1.200 €');
    assert.equal(render('de-DE', '{{money 1200}}', { currency: 'CHF' }), '1.200 CHF');
  });
  it('says missing figures in the reader\'s language, English where it has none', () => {
    assert.equal(formatDate(null, true, 'de-DE'), 'kein Datum festgelegt');
    assert.equal(formatDate('never', true, 'fr-FR'), "pas d'ici dix ans");
    assert.equal(formatMoney(null, 'EUR', 'ja-JP'), '金額未定');
    assert.equal(formatPercent(null, 'fr-FR'), 'n.d.');
    assert.equal(formatDays(null, 'de-DE'), 'eine offene Zahl von Tagen');
    assert.equal(formatFte(null, 'fr-FR'), "un nombre d'ETP inconnu");
    assert.equal(formatFte(null, 'pt-BR'), 'an unknown number of FTE');
    assert.equal(formatNumber(2.5, 1, 'de-DE'), '2,5');
  });
  it('reads the locale inside loops and partials', () => {
    assert.equal(render('de-DE', '{{#each analysis.delays}}{{days delayWorkingDays}};{{/each}}'), '4 Tage;4 Tage;');
  });
});
