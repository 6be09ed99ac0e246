import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { type DecisionSource, decisionFileName, decisionRecord, decisionRecordMarkdown, decisionSlug, parseDecisionRecord, sameReplyRecord } from '../../src/core/decisions/decisionRecord';
import { sampleDecisionSource } from './fixtures/sample';

async function sampleDecision(overrides: Partial<DecisionSource> = {}): Promise<DecisionSource> {
  return { ...(await sampleDecisionSource()), channels: ['copied'], ...overrides };
}

describe('the decision log: records', () => {
  it('names files by date and slug, adding -2, -3 when a name is taken', () => {
    assert.equal(decisionFileName('2027-01-04', 'Customer self-service order-tracking portal', []), '2027-01-04-customer-self-service-order-tracking-portal.md');
    const taken = ['2027-01-04-portal.md', '2027-01-04-portal-2.md', 'README.md'];
    assert.equal(decisionFileName('2027-01-04', 'Portal', taken), '2027-01-04-portal-3.md');
    assert.equal(decisionFileName('2027-01-04', 'Portal', ['2027-01-04-PORTAL.md']), '2027-01-04-portal-2.md', 'case-insensitive file systems');
  });

  it('slugs to lower-case ASCII words of at most 60 characters, cut at a word', () => {
    assert.equal(decisionSlug('Café déjà vu: SSO & MFA (phase 2)!'), 'cafe-deja-vu-sso-mfa-phase-2');
    assert.equal(decisionSlug('日本語 only'), 'only');
    assert.equal(decisionSlug('???'), 'decision');
    const long = decisionSlug('Migrate every remaining on-premises file share to cloud storage with retention policies and audit');
    assert.ok(long.length <= 60, long);
    assert.equal(long, 'migrate-every-remaining-on-premises-file-share-to-cloud');
    assert.equal(decisionSlug('x'.repeat(80)), 'x'.repeat(60));
  });

  it('writes YAML front matter with the request, the alternative, the figures, the template and pack versions', async () => {
    const source = await sampleDecision();
    const text = decisionRecordMarkdown(source);
    const front = parse(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '');
    assert.equal(front.format, 'pushback-decision/1');
    assert.equal(front.date, '2027-01-04');
    assert.deepEqual(front.request, { title: 'Customer self-service order-tracking portal', requester: 'Dana Whitfield', requesterTitle: 'VP Sales', effortDays: 45, neededBy: '2027-03-12' });
    assert.equal(front.proposal.kind, 'swap');
    assert.equal(front.proposal.label, 'Swap it in');
    assert.equal(front.figures.overflowDays, source.input.analysis.overflowDays, 'figures are kept unrounded');
    assert.equal(front.figures.fundingCost, 49300);
    assert.equal(front.figures.totalCostOfDelay, 51100);
    assert.equal(front.figures.delays.length, 8);
    assert.deepEqual(front.informCio, { owner: 'Dana Whitfield', by: '2027-01-11', needed: true });
    assert.deepEqual(front.template, { id: 'yes-and-tradeoffs', name: 'Yes, and — trade-offs' });
    assert.deepEqual(front.pack, { id: '@pushback/builtin', version: '1.0.0' });
    assert.deepEqual(front.channels, ['copied']);
    assert.match(text, /\n- \*\*Sent:\*\* copied\n/);
    assert.match(text, /\n# Customer self-service order-tracking portal\n\nDecided Mon 4 Jan 2027: \*\*Swap it in\.\*\* Pause /);
    assert.match(text, /\n- \*\*Cost of delay:\*\* \$51,100 \(8 commitments slip\)\n/);
    assert.ok(text.endsWith(`${source.markdown.trimEnd()}\n`), 'the reply as sent closes the record');
  });

  it('reads back exactly what it wrote', async () => {
    const source = await sampleDecision();
    const parsed = parseDecisionRecord('r.md', decisionRecordMarkdown(source));
    assert.deepEqual(parsed, { ok: true, value: decisionRecord(source) });
  });

  it('keeps hostile data as data: YAML quoting and Markdown escapes', async () => {
    const base = await sampleDecision();
    const title = 'x: y\n---\nformat: evil # *bold* <b>';
    const source = { ...base, input: { ...base.input, request: { ...base.input.request, title } } };
    const text = decisionRecordMarkdown(source);
    const parsed = parseDecisionRecord('r.md', text);
    assert.ok(parsed.ok);
    assert.equal(parsed.value.request.title, title);
    assert.equal(parsed.value.format, 'pushback-decision/1');
    assert.match(text, /\n# x: y --- format: evil \\# \\\*bold\\\* \\<b\\>\n/);
  });

  it('reports a file that is not a record, or a record with a missing field, with its file and line', () => {
    const notRecord = parseDecisionRecord('notes.md', '# Just notes\n');
    assert.equal(notRecord.ok, false);
    assert.ok(!notRecord.ok);
    assert.equal(notRecord.problems[0].file, 'notes.md');
    const missing = parseDecisionRecord('r.md', '---\nformat: pushback-decision/1\ndate: 2027-01-04\n---\n');
    assert.ok(!missing.ok);
    assert.ok(missing.problems.some((p) => p.path === 'request' && p.message === 'is required'));
    const broken = parseDecisionRecord('r.md', '---\nformat: [unclosed\n---\n');
    assert.ok(!broken.ok);
    assert.match(broken.problems[0].message, /^front matter YAML syntax error/);
  });

  it('keeps one record per reply: the same reply sent another way adds its channel, once', async () => {
    const copied = decisionRecordMarkdown(await sampleDecision());
    const posted = sameReplyRecord(copied, await sampleDecision({ channels: ['posted to Teams'] }));
    assert.deepEqual(posted?.channels, ['copied', 'posted to Teams']);
    const again = sameReplyRecord(decisionRecordMarkdown(posted as DecisionSource), await sampleDecision({ channels: ['copied'] }));
    assert.deepEqual(again?.channels, ['copied', 'posted to Teams']);
    const saved = sameReplyRecord(copied, await sampleDecision({ channels: [] }));
    assert.deepEqual(saved?.channels, ['copied'], 'Save Decision adds no channel');
  });

  it('starts a new record when the proposal, template, figures or date differ', async () => {
    const copied = decisionRecordMarkdown(await sampleDecision());
    const base = await sampleDecision();
    assert.equal(sameReplyRecord(copied, { ...base, input: { ...base.input, proposal: 'fund' } }), undefined, 'proposal');
    assert.equal(sameReplyRecord(copied, { ...base, template: { id: 'inform-cio', name: 'Inform the CIO' } }), undefined, 'template');
    assert.equal(sameReplyRecord(copied, { ...base, input: { ...base.input, request: { ...base.input.request, effortDays: 46 } } }), undefined, 'request');
    assert.equal(sameReplyRecord(copied, { ...base, input: { ...base.input, analysis: { ...base.input.analysis, totalCostOfDelay: 1 } } }), undefined, 'figures');
    assert.equal(sameReplyRecord(copied, { ...base, input: { ...base.input, today: '2027-01-05' } }), undefined, 'date');
    assert.equal(sameReplyRecord('# not a record\n', base), undefined, 'not a record');
  });

  it('reads a record written with a single "via" as a list of one channel', async () => {
    const text = decisionRecordMarkdown(await sampleDecision()).replace('channels:\n  - copied\n', 'via: posted to Teams\n');
    assert.match(text, /\nvia: posted to Teams\n/);
    const parsed = parseDecisionRecord('old.md', text);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value.channels, ['posted to Teams']);
    const none = parseDecisionRecord('old.md', text.replace('via: posted to Teams', 'via: null'));
    assert.ok(none.ok);
    assert.deepEqual(none.value.channels, []);
  });
});
