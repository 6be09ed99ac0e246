import assert from 'node:assert/strict';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { loadCapacity } from '../../src/core/load/loadData';
import type { TemplatePack } from '../../src/core/pack/loadPack';
import type { Capacity } from '../../src/core/schema/capacity';
import type { TemplateField } from '../../src/core/engine/templateFields';
import { emptyDraft } from '../../src/core/draft/draftForm';
import { fieldAnswers, fieldInitialText, fieldPicks, fieldPrompt, renderSnippetReply, validateFieldAnswer } from '../../src/extension/insertTemplate/templateInputs';
import { loadBuiltinPack, samplePath } from './fixtures/sample';

const draft = emptyDraft({ title: 'Portal', requesterName: 'Dana Whitfield', effortDays: '45', rank: '2', templateId: 'inform-cio' });
const field = (declaration: Partial<TemplateField> & Pick<TemplateField, 'kind'>): TemplateField => ({ id: 'x', required: false, ...declaration });

describe('Insert Template: the template\'s own fields', () => {
  let pack: TemplatePack;
  let capacity: Capacity;
  before(async () => {
    pack = await loadBuiltinPack();
    const loaded = await loadCapacity(nodeFileSystem, samplePath('northwind.capacity.yaml'));
    assert.ok(loaded.ok);
    capacity = loaded.value;
  });
  const cioNote = () => pack.templates.find((t) => t.frontMatter.id === 'inform-cio')!;

  it('offers a quick pick for a choice (which may be left empty) and Yes/No for a toggle', () => {
    assert.deepEqual(fieldPicks(field({ kind: 'choice', options: ['email', 'teams'] })).map((p) => [p.label, p.value]), [['email', 'email'], ['teams', 'teams'], ['Leave empty', null]]);
    assert.deepEqual(fieldPicks(field({ kind: 'toggle' })).map((p) => [p.label, p.value]), [['Yes', true], ['No', false]]);
  });

  it('checks a date or a number as it is typed, and lets any field be left empty', () => {
    assert.match(String(validateFieldAnswer(field({ kind: 'date' }), '8 Jan')), /^Must be a real date written YYYY-MM-DD.*: write it like 2027-01-08$/);
    assert.equal(validateFieldAnswer(field({ kind: 'date' }), '2027-01-08'), undefined);
    assert.match(String(validateFieldAnswer(field({ kind: 'number', min: 0 }), '-1')), /at least 0/);
    assert.equal(validateFieldAnswer(field({ kind: 'number', min: 0 }), ''), undefined);
    assert.deepEqual(fieldPrompt(field({ kind: 'number', label: 'Quote', min: 0, max: 10, help: 'in EUR' })), { prompt: 'Quote — in EUR (leave empty to fill in later)', placeholder: 'a number from 0 up to 10' });
  });

  it('prefills from the draft\'s values for that template, else the default', () => {
    const withValues = { ...draft, fieldValues: { 'inform-cio': { briefingDate: '2027-01-08' } } };
    const [briefing, attach] = cioNote().frontMatter.fields;
    assert.equal(fieldInitialText(briefing, withValues), '2027-01-08');
    assert.equal(fieldInitialText(attach, withValues), 'false');
    assert.equal(fieldInitialText(briefing, draft, 'yes-and-tradeoffs'), '');
  });

  it('takes answers keyed fields.<id> or <id>, and refuses a wrong one', () => {
    assert.deepEqual(fieldAnswers(cioNote(), { 'fields.briefingDate': '2027-01-08', attachDecisionRecord: 'yes', other: 1 }), { ok: true, value: { briefingDate: '2027-01-08', attachDecisionRecord: true } });
    const wrong = fieldAnswers(cioNote(), { 'fields.briefingDate': 'soon' });
    assert.equal(wrong.ok, false);
  });

  it('renders the answers, and turns a field left empty into a tab stop named by its label', () => {
    const filled = renderSnippetReply({ template: cioNote(), draft, capacity, today: '2027-01-04', fields: { briefingDate: '2027-01-08', attachDecisionRecord: true } });
    assert.ok(filled.ok, JSON.stringify(filled));
    assert.match(filled.value.snippet, /at our briefing on Fri 8 Jan 2027\./);
    assert.match(filled.value.snippet, /The decision record, with every figure behind this note, is attached\./);
    const empty = renderSnippetReply({ template: cioNote(), draft, capacity, today: '2027-01-04', fields: {} });
    assert.ok(empty.ok, JSON.stringify(empty));
    assert.match(empty.value.snippet, /at our briefing on \$\{1:Date of your next briefing with the CIO\}\./);
    assert.doesNotMatch(empty.value.snippet, /decision record/, 'a toggle left alone takes its default (no)');
    assert.deepEqual(empty.value.tabStops, ['Date of your next briefing with the CIO']);
  });

  it('writes the reply in the locale setting', () => {
    const reply = renderSnippetReply({ template: cioNote(), draft, capacity, today: '2027-01-04', locale: 'de-DE', fields: { briefingDate: '2027-01-08' } });
    assert.ok(reply.ok, JSON.stringify(reply));
    assert.match(reply.value.snippet, /^Hallo Elena,/);
    assert.match(reply.value.snippet, /bei unserem Termin am Fr\., 8\. Jan\. 2027/);
  });
});
