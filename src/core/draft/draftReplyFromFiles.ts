import type { FileSystem } from '../fileSystem';
import { loadCapacity, loadRequest } from '../load/loadData';
import { type DraftResult, type DraftSources, draftReply } from './draftReply';

/* Apart from draftReply.ts, so the composer's page (which drafts from data the host loaded) does not bundle the file loaders. */

export interface DraftFiles extends Omit<DraftSources, 'capacity' | 'request'> {
  requestFile: string;
  capacityFile: string;
}

/** {@link draftReply} from a request file and a capacity file. */
export async function draftReplyFromFiles(fs: FileSystem, { requestFile, capacityFile, ...rest }: DraftFiles): Promise<DraftResult> {
  const [request, capacity] = await Promise.all([loadRequest(fs, requestFile), loadCapacity(fs, capacityFile)]);
  return draftReply({ ...rest, capacity, request: { file: request } });
}

