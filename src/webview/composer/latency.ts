/**
 * Keystroke-to-preview times, read by `npm run bench` through the page: from the
 * change being sent to the preview showing it (rendered in the page, or the host's answer).
 */
const sentAt = new Map<number, number>();
const latencySamples: number[] = [];
/** The host's share of each answer (ms), to tell rendering from transport. */
const hostSamples: number[] = [];
/** Where each sample's preview was rendered: in the page itself, or on the host (its update relayed back). */
const renderedIn: ('page' | 'host')[] = [];
Object.assign(window, { pushbackLatency: latencySamples, pushbackHostMs: hostSamples, pushbackRenderedIn: renderedIn });

export function keystrokeSent(seq: number): void {
  sentAt.set(seq, performance.now());
}

/** Every change this update includes is answered now (the host coalesces changes made during a render). */
export function updateShown(seq: number, renderMs: number | undefined, where: 'page' | 'host'): void {
  const now = performance.now();
  for (const [sentSeq, started] of sentAt) {
    if (sentSeq > seq) continue;
    latencySamples.push(now - started);
    renderedIn.push(where);
    sentAt.delete(sentSeq);
  }
  if (renderMs !== undefined && seq > 0) hostSamples.push(renderMs);
  if (latencySamples.length > 5000) latencySamples.splice(0, latencySamples.length - 5000);
  if (renderedIn.length > 5000) renderedIn.splice(0, renderedIn.length - 5000);
  if (hostSamples.length > 5000) hostSamples.splice(0, hostSamples.length - 5000);
}
