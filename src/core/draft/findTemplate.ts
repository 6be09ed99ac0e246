import type { CompiledTemplate } from '../engine/compileTemplate';
import type { TemplatePack } from '../pack/loadPack';
import { type Result, failed, ok } from '../problems';

/** The template with this id from the highest-priority pack that has one. */
export function findTemplate(packs: readonly TemplatePack[], id: string): Result<{ template: CompiledTemplate; pack: TemplatePack }> {
  for (let i = packs.length - 1; i >= 0; i--) {
    const template = packs[i].templates.find((t) => t.frontMatter.id === id);
    if (template) return ok({ template, pack: packs[i] });
  }
  const known = [...new Set(packs.flatMap((p) => p.templates.map((t) => t.frontMatter.id)))];
  return failed([
    {
      file: '<arguments>',
      line: 1,
      column: 1,
      path: 'template',
      message: `no template "${id}"`,
      hint: `use one of: ${known.join(', ')}`,
      remedy: { kind: 'chooseTemplate', known },
    },
  ]);
}
