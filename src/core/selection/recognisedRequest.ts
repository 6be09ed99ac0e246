import type { StakeholderPrefill } from './parseStakeholderText';

/**
 * What `pushback request from-text` prints: the request as the parser read it, in the
 * request file's own field names, the words each value came from, and the notes. A
 * field that was not recognised is absent, never `null` or empty, so a check in CI can
 * tell "not found" from "found empty".
 */
export interface RecognisedRequest {
  request: {
    title?: string;
    requester?: { name: string; title?: string };
    neededBy?: string;
    effortDays?: number;
  };
  /** Keyed by the request's field path: `title`, `requester.name`, `requester.title`, `neededBy`, `effortDays`. */
  evidence: Record<string, string>;
  notes: string[];
}

export function recognisedRequest(prefill: StakeholderPrefill): RecognisedRequest {
  const { title, requesterName, requesterTitle, neededBy, effortDays } = prefill;
  const request: RecognisedRequest['request'] = {
    ...(title !== undefined ? { title } : {}),
    ...(requesterName !== undefined ? { requester: { name: requesterName, ...(requesterTitle !== undefined ? { title: requesterTitle } : {}) } } : {}),
    ...(neededBy !== undefined ? { neededBy } : {}),
    ...(effortDays !== undefined ? { effortDays } : {}),
  };
  const paths = { title: 'title', requesterName: 'requester.name', requesterTitle: 'requester.title', neededBy: 'neededBy', effortDays: 'effortDays' } as const;
  const evidence: Record<string, string> = {};
  for (const [field, path] of Object.entries(paths)) {
    const words = prefill.evidence[field as keyof typeof paths];
    // Evidence only for what is printed: a title read without a name has nowhere to go.
    if (words !== undefined && (field !== 'requesterTitle' || requesterName !== undefined)) evidence[path] = words;
  }
  return { request, evidence, notes: [...prefill.notes] };
}
