import assert from 'node:assert/strict';
import { findTemplate } from '../../src/core/draft/findTemplate';
import type { CompiledTemplate } from '../../src/core/engine/compileTemplate';
import type { TemplatePack } from '../../src/core/pack/loadPack';
import { type SourcedPack, resolvePackSources } from '../../src/core/pack/packSources';

/** Just enough of a loaded pack for precedence: an id, a version and template ids. */
function pack(id: string, version: string, templateIds: string[]): TemplatePack {
  const templates = templateIds.map((tid) => ({ file: `/${id}/${tid}.hbs`, frontMatter: { id: tid }, bodyLineOffset: 0, render: () => '' }) as unknown as CompiledTemplate);
  return { dir: `/${id}`, manifestFile: `/${id}/pushback-pack.json`, manifest: { id, version } as TemplatePack['manifest'], templates };
}

const builtin = pack('@pushback/builtin', '1.0.0', ['yes-and-tradeoffs', 'yes-with-funding']);
const user = pack('@acme/replies', '1.0.0', ['yes-and-tradeoffs', 'acme-note']);
const settings = pack('@acme/shared', '2.0.0', ['acme-note']);
const workspace = pack('@acme/project', '0.3.0', ['yes-and-tradeoffs']);

describe('pack sources and precedence', () => {
  it('lets the higher source win whatever order the packs arrive in, and says what each winner overrides', () => {
    const sourced: SourcedPack[] = [
      { source: 'workspace', pack: workspace },
      { source: 'settings', pack: settings },
      { source: 'builtin', pack: builtin },
      { source: 'user', pack: user },
    ];
    const resolved = resolvePackSources(sourced);
    assert.deepEqual(resolved.packs, [builtin, user, settings, workspace]);
    const byId = Object.fromEntries(resolved.templates.map((t) => [t.template.frontMatter.id, t]));
    assert.deepEqual(Object.keys(byId).sort(), ['acme-note', 'yes-and-tradeoffs', 'yes-with-funding']);
    assert.equal(byId['yes-and-tradeoffs'].pack, workspace);
    assert.equal(byId['yes-and-tradeoffs'].source, 'workspace');
    assert.equal(byId['yes-and-tradeoffs'].overrides, '@acme/replies@1.0.0 (user)');
    assert.equal(byId['acme-note'].overrides, '@acme/replies@1.0.0 (user)');
    assert.equal(byId['acme-note'].source, 'settings');
    assert.equal(byId['yes-with-funding'].overrides, undefined);
    assert.deepEqual(
      resolved.overridden.map((o) => `${o.template.frontMatter.id} ${o.source} → ${o.overriddenBy}`),
      [
        'yes-and-tradeoffs builtin → @acme/replies@1.0.0 (user)',
        'acme-note user → @acme/shared@2.0.0 (settings)',
        'yes-and-tradeoffs user → @acme/project@0.3.0 (workspace)',
      ],
    );
    assert.deepEqual(resolved.warnings, []);
  });

  it('agrees with draftReply, which takes the packs lowest first', () => {
    const resolved = resolvePackSources([{ source: 'workspace', pack: workspace }, { source: 'builtin', pack: builtin }, { source: 'user', pack: user }]);
    for (const effective of resolved.templates) {
      const found = findTemplate(resolved.packs, effective.template.frontMatter.id);
      assert.ok(found.ok);
      assert.equal(found.value.pack, effective.pack);
    }
  });

  it('lets a later pack win within one source (folders in settings, --pack flags)', () => {
    const first = pack('@acme/a', '1.0.0', ['note']);
    const second = pack('@acme/b', '1.0.0', ['note']);
    const resolved = resolvePackSources([{ source: 'settings', pack: first }, { source: 'settings', pack: second }]);
    assert.equal(resolved.templates[0].pack, second);
    assert.equal(resolved.templates[0].overrides, '@acme/a@1.0.0 (settings)');
  });

  it('lists each winner with the rest of its pack', () => {
    const resolved = resolvePackSources([{ source: 'builtin', pack: builtin }, { source: 'cli', pack: pack('@acme/x', '1.0.0', ['yes-and-tradeoffs']) }]);
    assert.deepEqual(resolved.templates.map((t) => `${t.pack.manifest.id}:${t.template.frontMatter.id}`), ['@pushback/builtin:yes-with-funding', '@acme/x:yes-and-tradeoffs']);
  });

  it('warns, naming both, when one pack id is present in two versions', () => {
    const older = pack('@acme/replies', '1.0.0', ['acme-note']);
    const newer = pack('@acme/replies', '1.2.0', ['acme-note']);
    const resolved = resolvePackSources([{ source: 'workspace', pack: newer }, { source: 'user', pack: older }]);
    assert.equal(resolved.warnings.length, 1);
    const [warning] = resolved.warnings;
    assert.match(warning.message, /@acme\/replies is present in 2 versions: @acme\/replies@1\.0\.0 \(user\), @acme\/replies@1\.2\.0 \(workspace\); templates from @acme\/replies@1\.2\.0 \(workspace\) win/);
    assert.equal(warning.file, newer.manifestFile);
    assert.equal(resolved.templates[0].pack, newer);
  });

  it('does not warn about the same version found twice', () => {
    const copy = pack('@acme/replies', '1.0.0', ['acme-note']);
    assert.deepEqual(resolvePackSources([{ source: 'user', pack: user }, { source: 'workspace', pack: copy }]).warnings, []);
  });
});
