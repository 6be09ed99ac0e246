import * as vscode from 'vscode';
import type { Capacity } from '../../core/schema/capacity';
import type { DraftForm } from '../../core/draft/draftForm';
import { showProblems } from '../showProblems';
import type { Services } from '../services';

/* Shared by the commands that need the draft's capacity (Insert Template, Show Analysis, Select Capacity File). */

export interface DraftCapacity {
  file: string;
  capacity: Capacity;
  /** How to name the file to the user: a workspace-relative path, or the sample. */
  label: string;
}

/**
 * The draft's capacity file, loaded; or `undefined` after telling the user what is
 * wrong with it, at which line, with an action to open it there.
 */
export async function capacityForDraft(services: Services, draft: DraftForm): Promise<DraftCapacity | undefined> {
  const file = await services.resolveCapacityFile(draft.capacityFile);
  const loaded = await services.loadCapacity(file);
  const label = capacityLabel(services, file);
  if (!loaded.ok) {
    showProblems(services.logger, loaded.problems.length === 1 ? 'The capacity file has a problem:' : `The capacity file has ${loaded.problems.length} problems; the first:`, loaded.problems);
    return undefined;
  }
  return { file, capacity: loaded.value, label };
}

export function capacityLabel(services: Services, file: string): string {
  return file === services.sample.capacityFile ? 'the built-in sample' : vscode.workspace.asRelativePath(file);
}
