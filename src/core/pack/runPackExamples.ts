import { ConfinementError } from '../confinedFiles';
import type { FileSystem } from '../fileSystem';
import { draftReplyFromFiles } from '../draft/draftReplyFromFiles';
import type { Problem } from '../problems';
import type { TemplatePack } from './loadPack';
import { parseSource } from '../load/sourceDocument';
import { confinedPackFiles } from './packFiles';
import { PACK_MANIFEST } from './packManifest';

export interface ExampleOutcome {
  template: string;
  expectedFile: string;
  expected: string | undefined;
  /** The rendered reply; undefined when it could not be rendered, or the expected file may not be touched (see `problems`). */
  actual: string | undefined;
  problems: Problem[];
}

/**
 * Render every example a pack's manifest lists, next to its expected output. The
 * built-in pack's golden tests and a team's `pushback pack test` are this one loop.
 */
export async function runPackExamples(fs: FileSystem, pack: TemplatePack, basePacks: readonly TemplatePack[] = []): Promise<ExampleOutcome[]> {
  const outcomes: ExampleOutcome[] = [];
  // Every file an example names is the pack's: inside it, through no link (a link could show or overwrite a file elsewhere).
  const files = confinedPackFiles(fs, pack.dir);
  const document = pack.manifest.examples.some((e) => e.fields) ? parseSource(pack.manifestFile, await files.readText(fs.resolve(pack.manifestFile, PACK_MANIFEST)), 'json') : undefined;
  for (const [index, example] of pack.manifest.examples.entries()) {
    const at = (relative: string) => fs.resolve(pack.manifestFile, relative);
    const expectedFile = at(example.expected);
    const draft = await draftReplyFromFiles(files, {
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
    let expected: string | undefined;
    const problems = draft.ok ? [] : draft.problems;
    try {
      expected = await files.readText(expectedFile);
    } catch (error) {
      // Missing is fine (`--update` writes it); refused is not, and nothing may then be written there.
      if (error instanceof ConfinementError) problems.push({ file: expectedFile, line: 1, column: 1, path: '', message: error.reason, hint: error.hint });
    }
    outcomes.push({ template: example.template, expectedFile, expected, actual: draft.ok && problems.length === 0 ? draft.value.markdown : undefined, problems });
  }
  return outcomes;
}
