import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { type DecisionRecord, type DecisionSource, decisionFileName, decisionRecordMarkdown, decisionSlug, parseDecisionRecord, sameReplyRecord } from '../core/decisions/decisionRecord';
import type { Problem } from '../core/problems';
import { writeFileAtomic } from '../node/writeFileAtomic';

export interface ListedDecision {
  file: string;
  record: DecisionRecord;
}

/** Every `*.md` record in `dir`, oldest first (names start with the date); a missing folder has none. */
export async function listDecisions(dir: string): Promise<{ decisions: ListedDecision[]; problems: Problem[] }> {
  let names: string[];
  try {
    names = (await fsp.readdir(dir)).filter((name) => name.endsWith('.md') && !name.startsWith('.')).sort(byRecordName);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { decisions: [], problems: [] };
    throw error;
  }
  const decisions: ListedDecision[] = [];
  const problems: Problem[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const parsed = parseDecisionRecord(file, await fsp.readFile(file, 'utf8'));
    if (parsed.ok) decisions.push({ file, record: parsed.value });
    else problems.push(...parsed.problems);
  }
  return { decisions, problems };
}

/** By date, then in the order written: `x.md` before `x-2.md` before `x-10.md`. */
function byRecordName(a: string, b: string): number {
  return a.slice(0, -3).localeCompare(b.slice(0, -3), 'en', { numeric: true });
}

/**
 * Write a decision record into `dir` (created if needed), atomically: a reader never sees
 * half a record. A record of the same reply already there gets the new channels added
 * instead (one record per reply); otherwise the record takes a name no other has.
 * Returns its path.
 */
export async function saveDecision(dir: string, source: DecisionSource): Promise<string> {
  await fsp.mkdir(dir, { recursive: true });
  const names = await fsp.readdir(dir);
  const base = `${source.input.today}-${decisionSlug(source.input.request.title)}`;
  for (const name of names.filter((n) => n.toLowerCase().startsWith(base) && n.endsWith('.md'))) {
    const file = path.join(dir, name);
    const merged = sameReplyRecord(await fsp.readFile(file, 'utf8'), source);
    if (merged) {
      await writeFileAtomic(file, decisionRecordMarkdown(merged));
      return file;
    }
  }
  const file = path.join(dir, decisionFileName(source.input.today, source.input.request.title, names));
  await writeFileAtomic(file, decisionRecordMarkdown(source));
  return file;
}
