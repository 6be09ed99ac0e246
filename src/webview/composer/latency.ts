/**
 * Keystroke-to-preview times, read by `npm run bench` through the page: from the
 * change being sent to the preview showing the host's answer to it.
 */
const sentAt = new Map<number, number>();
const latencySamples: number[] = [];
/** The host's share of each answer (ms), to tell rendering from transport. */
const hostSamples: number[] = [];
Object.assign(window, { pushbackLatency: latencySamples, pushbackHostMs: hostSamples });

export function keystrokeSent(seq: number): void {
  sentAt.set(seq, performance.now());
}

/** Every change this update includes is answered now (the host coalesces changes made during a render). */
export function updateShown(seq: number, renderMs: number | undefined): void {
  const now = performance.now();
  for (const [sentSeq, started] of sentAt) {
    if (sentSeq > seq) continue;
    latencySamples.push(now - started);
    sentAt.delete(sentSeq);
  }
  if (renderMs !== undefined && seq > 0) hostSamples.push(renderMs);
  if (latencySamples.length > 5000) latencySamples.splice(0, latencySamples.length - 5000);
  if (hostSamples.length > 5000) hostSamples.splice(0, hostSamples.length - 5000);
}
