import type { DraftForm } from '../core/draft/draftForm';

/*
 * What the host accepts from the composer's page. The page is untrusted: a
 * message may name any path, so the host checks it against what it offered or
 * reported itself before reading or opening anything.
 */

/**
 * The draft's capacity file as the host may use it: empty (the default), the one
 * the stored draft already has (the host put it there), or one of the files it
 * offered. Anything else keeps the file the draft had before.
 */
export function acceptCapacityFile(requested: DraftForm, previous: DraftForm, offered: ReadonlySet<string>): DraftForm {
  const file = requested.capacityFile;
  if (file === '' || file === previous.capacityFile || offered.has(file)) return requested;
  return { ...requested, capacityFile: previous.capacityFile };
}

/** Files the host reported a problem in: the only ones "open the problem" may open. */
export class ReportedFiles {
  private files = new Set<string>();

  /** Replace the set with the files of the problems just sent to the page. */
  remember(problems: readonly { file: string }[]): void {
    this.files = new Set(problems.map((problem) => problem.file).filter((file) => file !== ''));
  }

  allows(file: string): boolean {
    return this.files.has(file);
  }
}
