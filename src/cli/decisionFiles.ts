import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { type DecisionRecord, type DecisionSource, decisionFileName, decisionRecordMarkdown, decisionLogFiles, decisionSlug, readDecisionRecord, sameReplyRecord } from '../core/decisions/decisionRecord';
import type { Problem } from '../core/problems';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { writeFileAtomic } from '../node/writeFileAtomic';

export interface ListedDecision {
  file: string;
  record: DecisionRecord;
}

/**
 * Every `*.md` record in `dir`, oldest first (names start with the date); a missing
 * folder has none. Each record that cannot be read is a problem of its own, and the
 * others are still listed; `dir` itself not being a folder is one problem.
 */
export async function listDecisions(dir: string): Promise<{ decisions: ListedDecision[]; problems: Problem[] }> {
  let names: string[];
  try {
    names = (await fsp.readdir(dir)).filter((name) => name.endsWith('.md') && !name.startsWith('.')).sort(byRecordName);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { decisions: [], problems: [] };
    const message = code === 'ENOTDIR' ? 'is not a folder' : `cannot be listed (${code ?? (error as Error).message})`;
    return { decisions: [], problems: [{ file: dir, line: 1, column: 1, path: '', message, hint: 'name the folder that holds the decision records (.pushback/decisions)' }] };
  }
  const decisions: ListedDecision[] = [];
  const problems: Problem[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const parsed = await readDecisionRecord(nodeFileSystem, dir, file);
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
  const log = decisionLogFiles(nodeFileSystem, dir);
  for (const name of names.filter((n) => n.toLowerCase().startsWith(base) && n.endsWith('.md'))) {
    const file = path.join(dir, name);
    // A folder, a link elsewhere or a huge file named like this reply's record is not it: a new record is written beside it.
    const existing = await log.readText(file).catch(() => undefined);
    const merged = existing === undefined ? undefined : sameReplyRecord(existing, source);
    if (merged) {
      await writeFileAtomic(file, decisionRecordMarkdown(merged));
      return file;
    }
  }
  const file = path.join(dir, decisionFileName(source.input.today, source.input.request.title, names));
  await writeFileAtomic(file, decisionRecordMarkdown(source));
  return file;
}
