import assert from 'node:assert/strict';
import { checkRewrite } from '../../src/core/rewriteCheck/checkRewrite';
import { figureContext } from '../../src/core/rewriteCheck/figureContext';
import { findFigures } from '../../src/core/rewriteCheck/findFigures';
import type { Draft } from '../../src/core/draft/draftReply';
import { draftSample } from './fixtures/sample';

describe('figure check of a rewritten reply', () => {
  let draft: Draft;
  before(async () => {
    draft = await draftSample();
  });
  const check = (rewrite: string) => checkRewrite(draft.markdown, rewrite, figureContext(draft.input));
  const changed = (rewrite: string) => check(rewrite).differences.filter((d) => d.kind === 'changed').map((d) => d.text);
  const missing = (rewrite: string) => check(rewrite).differences.filter((d) => d.kind === 'missing').map((d) => d.message);

  it('keeps every figure of the reply itself, with the key figures known from the data', () => {
    const result = check(draft.markdown);
    assert.deepEqual(result.differences, []);
    assert.equal(result.kept, result.figures);
    assert.ok(result.figures > 50, `only ${result.figures} figures found`);
    // effort, utilization after, 8 delayed items, FTE, its cost, who informs (Dana), the CIO, by when.
    assert.equal(result.keyFigures, 15);
  });

  it('finds each kind of figure, with its value independent of the form', () => {
    const found = findFigures('On 11 January 2027 Dana asked for 45 person-days, 1.5 FTE, $49.3k, 108 per cent, OPS-301 and 3 more.', { names: ['Dana Whitfield'], ids: [] });
    assert.deepEqual(
      found.map((f) => [f.kind, f.value]),
      [
        ['date', '2027-01-11'],
        ['name', 'Dana Whitfield'],
        ['days', 45],
        ['fte', 1.5],
        ['money', 49300],
        ['percent', 108],
        ['id', 'OPS-301'],
        ['number', 3],
      ],
    );
  });

  it('takes the same value in another ordinary form as the same figure', () => {
    const rewrite = draft.markdown
      .replace('Mon 11 Jan 2027 and', 'January 11, 2027 and')
      .replace('know by Mon 11 Jan 2027', 'know by 11 January 2027')
      .replace('($49,300)', '(49,300 USD)')
      .replace('$51,100', 'USD 51,100')
      .replace('108%', '108 percent')
      .replace('45 days of effort', '45 person-days of effort')
      .replace('| Thu 21 Jan |', '| January 21 |');
    assert.deepEqual(check(rewrite).differences, []);
  });

  it('reports a changed amount, date, year, percentage and name where the rewrite states it', () => {
    assert.deepEqual(changed(draft.markdown.replace('($49,300)', '($48,000)')), ['$48,000']);
    assert.deepEqual(changed(draft.markdown.replace('know by Mon 11 Jan 2027', 'know by Mon 11 Jan 2028')), ['Mon 11 Jan 2028']);
    assert.deepEqual(changed(draft.markdown.replace('108%', '110%')), ['110%']);
    assert.deepEqual(changed(draft.markdown.replace('let Elena Petrova, our CIO, know', 'let Priya Raman, our CIO, know')), ['Priya Raman']);
    assert.deepEqual(changed(draft.markdown.replace('($49,300)', '(€49,300)')), ['€49,300']);
  });

  it('gives the line and column in the rewrite', () => {
    const rewrite = 'Hi Dana,\n\nIt would take 45 days and cost $52,000.\n';
    const [difference] = check(rewrite).differences;
    assert.deepEqual({ line: difference.line, column: difference.column, in: difference.in, text: difference.text }, { line: 3, column: 32, in: 'rewrite', text: '$52,000' });
    assert.match(difference.message, /amount "\$52,000" is not in the original: changed or invented/);
  });

  it('reports invented figures: a number, a date, a commitment id', () => {
    const rewrite = `${draft.markdown}\nP.S. 3 engineers could start on 1 February 2027 with SEC-999.`;
    assert.deepEqual(changed(rewrite), ['3', '1 February 2027', 'SEC-999']);
  });

  it('reports a weekday that does not match its date', () => {
    const rewrite = draft.markdown.replace('know by Mon 11 Jan 2027', 'know by Tue 11 Jan 2027');
    const difference = check(rewrite).differences.find((d) => d.text === 'Tue 11 Jan 2027');
    assert.match(difference?.message ?? '', /wrong weekday: that day is a Monday/);
  });

  it('reports a figure stated more often than the original does, and two items whose delays were swapped', () => {
    const once = draft.markdown.replace('| 9 days | $4,500', '| 8 days | $4,500');
    assert.match(check(once).differences.map((d) => d.message).join('\n'), /"8 days" appears 4 times in the rewrite but 3 times in the original/);
    const swapped = draft.markdown.replace('| 9 days | $11,700', '| 8 days | $11,700').replace('| 8 days | $14,400', '| 9 days | $14,400');
    assert.deepEqual(
      check(swapped).differences.map((d) => d.message),
      ['day count "8 days" is stated for OPS-301, but in the original OPS-301 has 9 days', 'day count "9 days" is stated for FIN-045, but in the original FIN-045 has 8 days'],
    );
  });

  it('reports each key figure the rewrite drops, located in the original', () => {
    const short = 'Hi Dana, yes: 45 days, which takes us to 108%. Elena Petrova should hear by Mon 11 Jan 2027. OPS-301, FIN-045, HR-210, NET-078, DATA-033, WKP-150, OBS-020 and DOC-009 slip.';
    assert.deepEqual(missing(short), ['the FTE, 1 FTE, is missing from the rewrite', 'the FTE cost, $49,300, is missing from the rewrite']);
    const dropped = check(short).differences.find((d) => d.text === '$49,300');
    assert.equal(dropped?.in, 'original');
    assert.equal(draft.markdown.split('\n')[(dropped?.line ?? 0) - 1].slice((dropped?.column ?? 0) - 1).startsWith('$49,300'), true);
    // A delayed item counts as kept by its title as well as by its id.
    const byTitle = short.replace('OPS-301', 'the warehouse scanner fleet refresh');
    assert.deepEqual(missing(byTitle), missing(short));
    assert.ok(missing(short.replace('45 days', 'a few weeks')).includes('the effort, 45 days, is missing from the rewrite'));
  });

  it('reads a first name from the data as that person, and ignores list markers', () => {
    const rewrite = '1. Dana, the work is 45 days.\n2) Elena Petrova hears by Mon 11 Jan 2027.';
    assert.deepEqual(changed(rewrite), []);
  });

  it('without the data, checks the two texts alone: percentages, FTE and ids are the key figures', () => {
    const original = 'Load goes to 108% (OPS-301 slips 9 days); 1 FTE costs $49,300.';
    assert.deepEqual(checkRewrite(original, 'OPS-301 slips 9 days; 1 FTE at $49,300 keeps us at 108%.').differences, []);
    const result = checkRewrite(original, 'OPS-301 slips; 1 FTE fixes it.');
    assert.deepEqual(result.differences.map((d) => d.text), ['108%']);
    assert.equal(result.keyFigures, 3);
  });

  it('reads one-letter commitment ids only through their title, never as the word "A"', () => {
    const vocabulary = { names: [], ids: ['A', 'B', 'PAYROLL'] };
    assert.deepEqual(findFigures('A better option: pause B and PAYROLL.', vocabulary).map((f) => f.text), ['PAYROLL']);
    const context = { vocabulary, keyFigures: [{ label: 'the delayed item A', forms: ['Payroll interface'] }] };
    assert.deepEqual(checkRewrite('Payroll interface (A) slips.', 'A note: the payroll\ninterface slips.', context).differences, []);
    assert.equal(checkRewrite('Payroll interface (A) slips.', 'A note: payrolls slip.', context).differences[0].message, 'the delayed item A, Payroll interface, is missing from the rewrite');
  });

  it('reads an ambiguous numeric date both ways, and an amount in thousands', () => {
    const original = 'Due Thu 4 Mar 2027, costing $49,300.';
    assert.deepEqual(checkRewrite(original, 'Due 3/4/2027 at $49.3k.').differences, []);
    assert.deepEqual(checkRewrite(original, 'Due 4/3/2027 at $49.3K.').differences, []);
    assert.deepEqual(checkRewrite(original, 'Due 5/3/2027.').differences.map((d) => d.text), ['5/3/2027']);
  });
});
