import type { FileSystem } from '../fileSystem';
import { draftReply } from '../draftReply';
import type { Problem } from '../problems';
import type { TemplatePack } from './loadPack';

export interface ExampleOutcome {
  template: string;
  expectedFile: string;
  expected: string | undefined;
  actual: string | undefined;
  problems: Problem[];
}

/**
 * Render every example a pack's manifest lists, next to its expected output. The
 * built-in pack's golden tests and a team's `pushback pack test` are this one loop.
 */
export async function runPackExamples(fs: FileSystem, pack: TemplatePack, basePacks: readonly TemplatePack[] = []): Promise<ExampleOutcome[]> {
  const outcomes: ExampleOutcome[] = [];
  for (const example of pack.manifest.examples) {
    const at = (relative: string) => fs.resolve(pack.manifestFile, relative);
    const expectedFile = at(example.expected);
    const draft = await draftReply(fs, {
      requestFile: at(example.request),
      capacityFile: at(example.capacity),
      packs: [...basePacks, pack],
      templateId: example.template,
      today: example.today ?? '2027-01-04',
      proposal: example.proposal,
    });
    const expected = await fs.readText(expectedFile).catch(() => undefined);
    outcomes.push({
      template: example.template,
      expectedFile,
      expected,
      actual: draft.ok ? draft.value.markdown : undefined,
      problems: draft.ok ? [] : draft.problems,
    });
  }
  return outcomes;
}
