import type { FileSystem } from '../fileSystem';
import { draftReplyFromFiles } from '../draft/draftReply';
import type { Problem } from '../problems';
import type { TemplatePack } from './loadPack';
import { parseSource } from '../load/sourceDocument';

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
  const document = pack.manifest.examples.some((e) => e.fields) ? parseSource(pack.manifestFile, await fs.readText(pack.manifestFile), 'json') : undefined;
  for (const [index, example] of pack.manifest.examples.entries()) {
    const at = (relative: string) => fs.resolve(pack.manifestFile, relative);
    const expectedFile = at(example.expected);
    const draft = await draftReplyFromFiles(fs, {
      requestFile: at(example.request),
      capacityFile: at(example.capacity),
      packs: [...basePacks, pack],
      templateId: example.template,
      today: example.today ?? '2027-01-04',
      proposal: example.proposal,
      locale: example.locale,
      fields: example.fields,
      fieldsOrigin: {
        file: pack.manifestFile,
        locate: (id) => (document?.ok ? document.value.locate(example.fields && Object.hasOwn(example.fields, id) ? ['examples', index, 'fields', id] : ['examples', index]) : { line: 1, column: 1 }),
        howToGive: (id) => `add "${id}" to this example's "fields"`,
      },
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
