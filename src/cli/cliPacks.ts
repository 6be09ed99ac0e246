import { type TemplatePack, loadPack } from '../core/pack/loadPack';
import { type ResolvedPacks, type SourcedPack, resolvePackSources } from '../core/pack/packSources';
import { type Problem, type Result, failed, ok } from '../core/problems';
import { builtinPackDir } from '../node/builtinPack';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { PUSHBACK_VERSION } from './pushbackVersion';

/**
 * The built-in pack plus each `--pack DIR`, in order: a later pack's template
 * overrides an earlier one with the same id. The user's installed packs are not
 * read, so a command gives the same reply on every machine and in CI.
 * `check: false` leaves compiling to each template's first render (see compileTemplate).
 */
export async function loadCliPacks(dirs: readonly string[], { check = true } = {}): Promise<Result<ResolvedPacks>> {
  const loaded = await Promise.all([builtinPackDir(), ...dirs].map((dir) => loadPack(nodeFileSystem, dir, { pushbackVersion: PUSHBACK_VERSION, check })));
  const problems: Problem[] = loaded.flatMap((result) => (result.ok ? [] : result.problems));
  if (problems.length > 0) return failed(problems);
  const packs = loaded.map((result) => (result as { value: TemplatePack }).value);
  const sourced: SourcedPack[] = packs.map((pack, index) => ({ source: index === 0 ? 'builtin' : 'cli', pack }));
  return ok(resolvePackSources(sourced));
}
