import assert from 'node:assert/strict';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { formatCliProblem } from '../../src/cli/cliHints';
import { emptyDraft } from '../../src/core/draft/draftForm';
import { DEFAULT_TEMPLATE_ID, type DraftFailure, type DraftResult, draftReply, draftTemplateId } from '../../src/core/draft/draftReply';
import { draftReplyFromFiles } from '../../src/core/draft/draftReplyFromFiles';
import { loadCapacity } from '../../src/core/load/loadData';
import type { TemplatePack } from '../../src/core/pack/loadPack';
import type { Problem } from '../../src/core/problems';
import { loadBuiltinPack, sampleDraftForm, samplePath } from './fixtures/sample';

const sampleForm = sampleDraftForm;

function failure(result: DraftResult): DraftFailure {
  assert.equal(result.ok, false, 'expected no reply');
  return result as DraftFailure;
}

describe('one path from a draft to a reply (draftReply)', () => {
  let pack: TemplatePack;
  const capacity = () => loadCapacity(nodeFileSystem, samplePath('northwind.capacity.yaml'));
  before(async () => {
    pack = await loadBuiltinPack();
  });

  it('renders the same reply from the composer form as from the request file', async () => {
    const fromForm = draftReply({ capacity: await capacity(), request: { form: sampleForm }, packs: [pack], today: '2027-01-04' });
    const fromFiles = await draftReplyFromFiles(nodeFileSystem, {
      requestFile: samplePath('northwind.request.yaml'),
      capacityFile: samplePath('northwind.capacity.yaml'),
      packs: [pack],
      templateId: DEFAULT_TEMPLATE_ID,
      today: '2027-01-04',
    });
    assert.ok(fromForm.ok && fromFiles.ok);
    assert.equal(fromForm.value.markdown, fromFiles.value.markdown);
    assert.equal(fromForm.value.template.frontMatter.id, DEFAULT_TEMPLATE_ID);
    assert.equal(fromForm.value.input.proposal, fromFiles.value.input.proposal);
  });

  it("uses the form's template, alternative and the signature; an explicit template wins over the form's", async () => {
    const form = { ...sampleForm, templateId: 'yes-with-funding', proposal: 'fund' as const };
    const drafted = draftReply({ capacity: await capacity(), request: { form }, packs: [pack], today: '2027-01-04', signature: 'Sam Lee\nHead of Apps' });
    assert.ok(drafted.ok);
    assert.equal(drafted.value.template.frontMatter.id, 'yes-with-funding');
    assert.equal(drafted.value.input.proposal, 'fund');
    assert.match(drafted.value.markdown, /Sam Lee/);
    const cio = draftReply({ capacity: await capacity(), request: { form }, packs: [pack], today: '2027-01-04', templateId: 'inform-cio' });
    assert.ok(cio.ok);
    assert.equal(cio.value.template.frontMatter.id, 'inform-cio');
    assert.equal(draftTemplateId(emptyDraft()), DEFAULT_TEMPLATE_ID);
  });

  it('stops at the form with field errors, located at the field', async () => {
    const result = failure(draftReply({ capacity: await capacity(), request: { form: { ...sampleForm, effortDays: 'lots' } }, packs: [pack], today: '2027-01-04' }));
    assert.equal(result.stage, 'form');
    assert.deepEqual(result.stage === 'form' && result.errors, { effortDays: 'Enter a number, like 12 or 2.5' });
    assert.deepEqual(
      result.problems.map((p: Problem) => [p.file, p.path]),
      [['<draft>', 'effortDays']],
    );
  });

  it('names a missing template with the known ones as a remedy, and keeps the analysis', async () => {
    const result = failure(draftReply({ capacity: await capacity(), request: { form: { ...sampleForm, templateId: 'gone' } }, packs: [pack], today: '2027-01-04' }));
    assert.equal(result.stage, 'template');
    assert.ok(result.stage === 'template');
    assert.equal(result.templateId, 'gone');
    assert.equal(result.input.analysis.horizonWorkingDays, 58);
    const [problem] = result.problems;
    assert.equal(problem.message, 'no template "gone"');
    assert.doesNotMatch(problem.hint, /pushback|--/, 'the core speaks no command-line words');
    assert.equal(problem.remedy?.kind, 'chooseTemplate');
    assert.ok(problem.remedy?.kind === 'chooseTemplate' && problem.remedy.known.includes(DEFAULT_TEMPLATE_ID));
    assert.match(formatCliProblem(problem), /no template "gone" \(use one of: .*yes-and-tradeoffs.* \(pushback templates lists them\)\)$/);
  });

  it('reports a render failure with the template, and the analysis it had', async () => {
    // A template that needs the outcome, given a form without one.
    const needy: TemplatePack = {
      ...pack,
      templates: pack.templates.map((t) => ({ ...t, frontMatter: { ...t.frontMatter, inputs: [...t.frontMatter.inputs, 'request.outcome'] } })),
    };
    const result = failure(draftReply({ capacity: await capacity(), request: { form: { ...sampleForm, outcome: '' } }, packs: [needy], today: '2027-01-04' }));
    assert.equal(result.stage, 'render');
    assert.ok(result.stage === 'render');
    assert.equal(result.template.frontMatter.id, DEFAULT_TEMPLATE_ID);
    assert.equal(result.problems[0].path, 'request.outcome');
  });

  it('reports data problems first, with a wrong template in the same run when the request is a file', async () => {
    const broken = await draftReplyFromFiles(nodeFileSystem, {
      requestFile: samplePath('northwind.request.yaml'),
      capacityFile: samplePath('no-such.capacity.yaml'),
      packs: [pack],
      templateId: 'gone',
      today: '2027-01-04',
    });
    const result = failure(broken);
    assert.equal(result.stage, 'data');
    assert.deepEqual(
      result.problems.map((p) => p.path || p.message),
      [result.problems[0].path || result.problems[0].message, 'template'],
    );
    assert.match(result.problems[0].file, /no-such\.capacity\.yaml$/);
    // From the form, a broken capacity is the only thing said: the template waits for it.
    const fromForm = failure(draftReply({ capacity: result.problems.length ? { ok: false, problems: [result.problems[0]] } : await capacity(), request: { form: sampleForm }, packs: [pack], today: '2027-01-04' }));
    assert.equal(fromForm.stage, 'data');
    assert.equal(fromForm.problems.length, 1);
  });
});

describe('problems on the command line (formatCliProblem)', () => {
  const base: Problem = { file: '<teams card>', line: 1, column: 1, path: '', message: 'too big', hint: 'use the chat-sized template' };
  it('adds the flag or the command that applies each remedy', () => {
    assert.equal(formatCliProblem({ ...base, remedy: { kind: 'useTemplate', templateId: 'teams-quick-reply' } }), '<teams card>:1:1: too big (use the chat-sized template (--template teams-quick-reply))');
    assert.equal(formatCliProblem({ ...base, remedy: { kind: 'sendAsEmail' } }), '<teams card>:1:1: too big (use the chat-sized template (--format eml))');
    assert.equal(formatCliProblem(base), '<teams card>:1:1: too big (use the chat-sized template)');
  });
});
