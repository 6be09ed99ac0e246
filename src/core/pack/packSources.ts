import type { CompiledTemplate } from '../engine/compileTemplate';
import type { Problem } from '../problems';
import type { TemplatePack } from './loadPack';
import { packLabel } from './packManifest';

/**
 * Where a pack was found, lowest priority first: what ships with Pushback, what the
 * user installed, folders named in settings (a cloned team repo, a shared drive),
 * the workspace's `.pushback/packs/*`, and `--pack` on the command line. The closer
 * a pack is to the work at hand, the more deliberately someone chose it, so it wins.
 */
export const PACK_SOURCES = ['builtin', 'user', 'settings', 'workspace', 'cli'] as const;
export type PackSource = (typeof PACK_SOURCES)[number];

export interface SourcedPack {
  source: PackSource;
  pack: TemplatePack;
}

export interface EffectiveTemplate {
  template: CompiledTemplate;
  pack: TemplatePack;
  source: PackSource;
  /** The definition this one replaces, as `<pack id>@<version> (<source>)`, for "overrides …" in the UI. */
  overrides?: string;
}

export interface OverriddenTemplate {
  template: CompiledTemplate;
  pack: TemplatePack;
  source: PackSource;
  /** The definition that wins over this one, as `<pack id>@<version> (<source>)`. */
  overriddenBy: string;
}

export interface ResolvedPacks {
  /** Every pack, lowest priority first: what `draftReply` takes (later packs override earlier ones). */
  packs: TemplatePack[];
  /** One template per id, the winner, grouped in its pack's order. */
  templates: EffectiveTemplate[];
  overridden: OverriddenTemplate[];
  /** Worth showing, never fatal: the same pack id present in two versions. */
  warnings: Problem[];
}

/** `@acme/replies@1.2.0 (workspace)`. */
export function sourcedLabel({ pack, source }: SourcedPack): string {
  return `${packLabel(pack.manifest)} (${source})`;
}

/**
 * Which template each id resolves to, given packs from every source. Within a source,
 * later packs win (the order of folders in settings, of `--pack` flags).
 */
export function resolvePackSources(packs: readonly SourcedPack[]): ResolvedPacks {
  const ordered = packs
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => PACK_SOURCES.indexOf(a.entry.source) - PACK_SOURCES.indexOf(b.entry.source) || a.index - b.index)
    .map(({ entry }) => entry);

  const winners = new Map<string, EffectiveTemplate>();
  const overridden: OverriddenTemplate[] = [];
  for (const entry of ordered) {
    for (const template of entry.pack.templates) {
      const id = template.frontMatter.id;
      const previous = winners.get(id);
      const label = sourcedLabel(entry);
      if (previous) {
        overridden.push({ template: previous.template, pack: previous.pack, source: previous.source, overriddenBy: label });
        winners.delete(id); // re-inserted below, so the winner is listed with the rest of its pack
      }
      winners.set(id, { template, pack: entry.pack, source: entry.source, ...(previous ? { overrides: sourcedLabel(previous) } : {}) });
    }
  }
  return { packs: ordered.map((entry) => entry.pack), templates: [...winners.values()], overridden, warnings: versionConflicts(ordered) };
}

/** A pack installed for the user and also committed to the workspace at another version is usually a forgotten update. */
function versionConflicts(ordered: readonly SourcedPack[]): Problem[] {
  const byId = new Map<string, SourcedPack[]>();
  for (const entry of ordered) byId.set(entry.pack.manifest.id, [...(byId.get(entry.pack.manifest.id) ?? []), entry]);
  const warnings: Problem[] = [];
  for (const [id, entries] of byId) {
    const versions = new Set(entries.map((e) => e.pack.manifest.version));
    if (versions.size < 2) continue;
    const winner = entries[entries.length - 1];
    warnings.push({
      file: winner.pack.manifestFile,
      line: 1,
      column: 1,
      path: 'version',
      message: `the pack ${id} is present in ${versions.size} versions: ${entries.map(sourcedLabel).join(', ')}; templates from ${sourcedLabel(winner)} win`,
      hint: 'update or remove the older copy so everyone drafts with the same templates',
    });
  }
  return warnings;
}
