import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as vm from 'node:vm';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import type { DraftForm } from '../../src/core/draft/draftForm';
import type { CompiledTemplate } from '../../src/core/engine/compileTemplate';
import { TEMPLATE_SPECS_GLOBAL, type TemplateSpecs, packOfOne, precompiledSpecs, templateFromSpecs, templateScript, templateShape } from '../../src/core/engine/precompiledTemplate';
import type { ReplyInput } from '../../src/core/engine/replyContext';
import { renderSubject } from '../../src/core/engine/renderSubject';
import { loadCapacity } from '../../src/core/load/loadData';
import { type Capacity, capacitySchema } from '../../src/core/schema/capacity';
import { renderDraft } from '../../src/shared/composerModel';
import { type PageRenderData, isTemplateScriptUri, pageRenderDataSchema } from '../../src/shared/pageRender';
import { syntheticCapacity } from '../../bench/syntheticTeam';
import { loadBuiltinPack, sampleDraftForm, samplePath } from './fixtures/sample';

/** What the composer's page gets: the script evaluated as a browser would, the data through a structured clone and the page's check. */
function asThePageGetsIt(template: CompiledTemplate, capacity: Capacity): { template: CompiledTemplate; data: PageRenderData } {
  const specs = precompiledSpecs(template);
  assert.ok(specs, `${template.file} cannot be precompiled`);
  const hash = createHash('sha256').update(specs).digest('hex');
  const self: Record<string, Record<string, TemplateSpecs>> = {};
  // A context with nothing but `self`: the script reaches nothing else.
  vm.runInNewContext(templateScript(hash, specs), { self });
  const sent: PageRenderData = {
    capacityChoice: '',
    capacityFile: samplePath('northwind.capacity.yaml'),
    capacity,
    templateId: template.frontMatter.id,
    template: templateShape(template),
    script: { uri: `https://file+.vscode-resource.vscode-cdn.net/home/u/.local/share/code-server/User/globalStorage/pushback.pushback/webview-templates/${hash}.js`, hash },
    today: '2027-01-04',
    signature: '',
  };
  const parsed = pageRenderDataSchema.safeParse(structuredClone(sent));
  assert.ok(parsed.success, parsed.success ? '' : parsed.error.message);
  // The page's check changes nothing: it renders from exactly what the host sent.
  assert.deepEqual(parsed.data, sent);
  return { template: templateFromSpecs(parsed.data.template, self[TEMPLATE_SPECS_GLOBAL][hash]), data: parsed.data as PageRenderData };
}

const PROPOSALS: DraftForm['proposal'][] = ['', 'swap', 'defer', 'descope', 'fund'];
const LOCALES = [undefined, 'de-DE', 'fr-CA', 'en-GB', 'ja-JP'];
const FORMS: [string, DraftForm][] = [
  ['the sample request', sampleDraftForm],
  ['a small request', { ...sampleDraftForm, effortDays: '3', neededBy: '', costOfDelayPerWeek: '0' }],
  ['an incomplete request', { ...sampleDraftForm, effortDays: '' }],
  ['a request with template fields', { ...sampleDraftForm, fieldValues: { 'inform-cio': { briefingDate: '2027-01-20', attachDecisionRecord: true } } }],
];

describe('the composer page renders with precompiled templates', () => {
  it('renders every built-in template exactly as the compiled one does (preview, reply, card, subject), for every proposal, locale and request', async function () {
    this.timeout(120_000); // 1,000 drafts, each rendered twice
    const pack = await loadBuiltinPack();
    const loaded = await loadCapacity(nodeFileSystem, samplePath('northwind.capacity.yaml'));
    assert.ok(loaded.ok);
    let compared = 0;
    for (const template of pack.templates) {
      const page = asThePageGetsIt(template, loaded.value);
      for (const [, form] of FORMS) {
        for (const proposal of PROPOSALS) {
          for (const locale of LOCALES) {
            const draft = { ...form, templateId: template.frontMatter.id, proposal };
            const common = { draft, seq: 7, capacityFile: page.data.capacityFile, today: '2027-01-04', signature: 'Sam', currency: locale === 'ja-JP' ? 'JPY' : '', locale, withTeamsCard: true };
            const onHost = renderDraft({ ...common, capacity: loaded, packs: [pack] });
            const inPage = renderDraft({ ...common, capacity: { ok: true, value: page.data.capacity }, packs: [packOfOne(page.template)] });
            const what = `${template.frontMatter.id}, ${proposal || 'favoured'}, ${locale ?? 'no locale'}`;
            assert.deepEqual(inPage.update, onHost.update, what);
            assert.equal(inPage.reply?.markdown, onHost.reply?.markdown, what);
            if (onHost.reply) {
              assert.ok(onHost.reply.markdown.length > 100, what);
              const input: ReplyInput = onHost.reply.input;
              assert.deepEqual(renderSubject(page.template, input), renderSubject(template, input), what);
            }
            compared++;
          }
        }
      }
    }
    assert.equal(compared, pack.templates.length * FORMS.length * PROPOSALS.length * LOCALES.length);
  });

  it('renders the same on 2,000 commitments', async () => {
    const pack = await loadBuiltinPack();
    const capacity = capacitySchema.parse(syntheticCapacity(60, 2000));
    const template = pack.templates.find((t) => t.frontMatter.id === 'yes-and-tradeoffs');
    assert.ok(template);
    const page = asThePageGetsIt(template, capacity);
    const common = { draft: { ...sampleDraftForm, effortDays: '120' }, seq: 1, capacityFile: 'big.capacity.json', today: '2027-01-04', signature: '', withTeamsCard: false };
    const onHost = renderDraft({ ...common, capacity: { ok: true, value: capacity }, packs: [pack] });
    const inPage = renderDraft({ ...common, capacity: { ok: true, value: page.data.capacity }, packs: [packOfOne(page.template)] });
    assert.ok(onHost.update.html.length > 1000);
    assert.deepEqual(inPage.update, onHost.update);
  });

  it('keeps the render guard and the strict compile options in precompiled templates', async () => {
    const pack = await loadBuiltinPack();
    const template = pack.templates[0];
    const specs = precompiledSpecs({ ...template, source: { body: '{{request.nope}}', partials: {} }, translations: undefined });
    assert.ok(specs);
    const hash = createHash('sha256').update(specs).digest('hex');
    const self: Record<string, Record<string, TemplateSpecs>> = {};
    vm.runInNewContext(templateScript(hash, specs), { self });
    const built = templateFromSpecs(templateShape({ ...template, translations: undefined }), self[TEMPLATE_SPECS_GLOBAL][hash]);
    // strict: a missing field throws, as it does compiled
    assert.throws(() => built.render({ request: {} }), /"nope" not defined/);
    // no prototype access
    const proto = precompiledSpecs({ ...template, source: { body: '[{{request.constructor}}][{{request.__proto__}}]', partials: {} }, translations: undefined }) ?? '';
    const protoHash = createHash('sha256').update(proto).digest('hex');
    vm.runInNewContext(templateScript(protoHash, proto), { self });
    const protoBuilt = templateFromSpecs(templateShape({ ...template, translations: undefined }), self[TEMPLATE_SPECS_GLOBAL][protoHash]);
    assert.equal(protoBuilt.render({ request: {} }), '[][]');
    // knownHelpersOnly: an unknown helper does not precompile
    assert.throws(() => precompiledSpecs({ ...template, source: { body: '{{nope request}}', partials: {} }, translations: undefined }), /unknown helper/);
  });

  it('takes a script only from the templates folder, named after its hash', () => {
    const hash = 'a'.repeat(64);
    assert.ok(isTemplateScriptUri(`https://file+.vscode-resource.vscode-cdn.net/g/webview-templates/${hash}.js`, hash));
    assert.ok(isTemplateScriptUri(`http://localhost:8080/stable/vscode-remote-resource?path=x/webview-templates/${hash}.js`, hash) === false);
    for (const uri of [`https://evil.example/other/${hash}.js`, `javascript:alert(1)//webview-templates/${hash}.js`, `https://x/webview-templates/${'b'.repeat(64)}.js`, 'not a url']) {
      assert.equal(isTemplateScriptUri(uri, hash), false, uri);
    }
  });
});
