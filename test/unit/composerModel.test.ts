import assert from 'node:assert/strict';
import { compileTemplate } from '../../src/core/engine/compileTemplate';
import { createTemplateEnvironment } from '../../src/core/engine/templateEnvironment';
import { packOfOne } from '../../src/core/engine/precompiledTemplate';
import { loadCapacity } from '../../src/core/load/loadData';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { type DraftInputs, renderDraft, replyOutputs } from '../../src/shared/composerModel';
import { missingTemplateText, teamsCardFor } from '../../src/shared/draftOutcomes';
import { loadBuiltinPack, sampleDraftForm, samplePath } from './fixtures/sample';

/** The composer's view of a draft (host and page render it alike): each way it can have no reply. */
describe('the composer model', () => {
  async function inputs(overrides: Partial<DraftInputs> = {}): Promise<DraftInputs> {
    return {
      draft: sampleDraftForm,
      seq: 3,
      capacityFile: 'team.capacity.yaml',
      capacity: await loadCapacity(nodeFileSystem, samplePath('northwind.capacity.yaml')),
      packs: [await loadBuiltinPack()],
      today: '2027-01-04',
      signature: '',
      withTeamsCard: true,
      ...overrides,
    };
  }

  it('renders the reply, its preview, the card and the outputs the actions copy', async () => {
    const { update, reply } = renderDraft(await inputs());
    assert.ok(reply);
    assert.match(update.html, /<p>/);
    assert.ok(update.teamsCard && 'card' in update.teamsCard);
    assert.equal(update.hint, '');
    const { text, emailHtml } = replyOutputs(reply);
    assert.ok(text.includes('Dana') && !text.includes('**'));
    assert.match(emailHtml, /<p/);
  });

  it('says why there is no reply: the data, the form, a missing template, a template that fails', async () => {
    const data = renderDraft(await inputs({ capacity: { ok: false, problems: [{ file: '/x.yaml', line: 2, column: 3, path: 'team', message: 'is missing', hint: 'add it' }] } }));
    assert.equal(data.reply, null);
    assert.equal(data.update.problems[0].file, '/x.yaml');
    assert.match(data.update.hint, /capacity file/);

    const form = renderDraft(await inputs({ draft: { ...sampleDraftForm, effortDays: '' } }));
    assert.ok(form.update.errors.effortDays);
    assert.match(form.update.hint, /highlighted fields/);

    const template = renderDraft(await inputs({ draft: { ...sampleDraftForm, templateId: 'gone' } }));
    assert.equal(template.update.missingTemplate, 'gone');
    assert.equal(template.update.problems[0].text, missingTemplateText('gone'));
    assert.ok(template.update.analysis);

    const compiled = compileTemplate(createTemplateEnvironment(), '/p/bad.hbs', '---\nid: yes-and-tradeoffs\nname: Bad\ndescription: d\ntone: t\nchannel: email\n---\n{{request.nope}}\n', { check: false });
    assert.ok(compiled.ok);
    const render = renderDraft(await inputs({ packs: [packOfOne(compiled.value)] }));
    assert.equal(render.reply, null);
    assert.match(render.update.hint, /could not be rendered/);
    assert.match(render.update.problems[0].text, /nope/);
  });

  it('shows why Teams would refuse a card', async () => {
    const { reply } = renderDraft(await inputs());
    assert.ok(reply);
    const refused = teamsCardFor({ ...reply, markdown: `${reply.markdown}\n${'A long paragraph. '.repeat(4000)}` });
    assert.ok(!refused.ok);
    assert.match(refused.refused, /^[A-Z]/);
  });
});
