import { printableLine } from '../../core/printable';

/**
 * Posting a message to a Teams Workflows webhook ("Post to a channel when a webhook
 * request is received"). Plain Node (global `fetch`), no `vscode` import, so the unit
 * tests run it against a real local HTTP server.
 *
 * The webhook URL is a secret (anyone holding it can post to the channel): nothing
 * this module throws or reports contains it.
 */

export const TEAMS_MAX_ATTEMPTS = 5;
export const TEAMS_REQUEST_TIMEOUT_MS = 10_000;
/** At most 4 requests a second, across every post from this window. */
export const TEAMS_MIN_SPACING_MS = 250;
/** A Retry-After longer than this is not waited out behind a progress bar: the user is told to try later. */
export const MAX_RETRY_WAIT_MS = 60_000;
const BASE_BACKOFF_MS = 1000;
const EXCERPT_LENGTH = 200;
/** Only an excerpt of an error body is ever shown: a server answering gigabytes is not read past this. */
export const MAX_BODY_BYTES = 64 * 1024;

export type WebhookErrorKind = 'invalid-url' | 'http' | 'busy' | 'timeout' | 'network' | 'cancelled';

/** A failed post, with a message fit to show the user as it is (and free of the URL). */
export class WebhookError extends Error {
  constructor(message: string, readonly kind: WebhookErrorKind, readonly status?: number) {
    super(message);
    this.name = 'WebhookError';
  }
}

/**
 * Why `text` cannot be a webhook URL, or `undefined` when it can: HTTPS only, with
 * plain http accepted for this computer alone (127.0.0.0/8, ::1, localhost), which
 * is what the tests use. The message never repeats the URL.
 */
export function checkWebhookUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'this is not a URL: paste the whole address the workflow shows, starting with https://';
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:') {
    return isLoopbackHost(url.hostname) ? undefined : 'plain http is accepted only for this computer (127.0.0.1, ::1, localhost): a Teams webhook URL starts with https://';
  }
  return `a webhook URL starts with https://, not ${url.protocol}`;
}

/** `localhost`, `::1` or an address in 127.0.0.0/8, as the URL parser normalizes them. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost' || host === '::1') return true;
  const parts = host.split('.');
  return parts.length === 4 && parts[0] === '127' && parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255);
}

/**
 * `text` with the webhook URL, and the parts of it that authorize a post (its path,
 * its query, long query values), replaced by `<webhook URL>`: error bodies and
 * network errors can echo them.
 */
export function redactWebhookUrl(text: string, url: string): string {
  const secrets = new Set<string>([url, url.trim()]);
  try {
    const parsed = new URL(url.trim());
    secrets.add(parsed.href);
    if (parsed.pathname.length > 1) secrets.add(parsed.pathname + parsed.search);
    if (parsed.search.length > 1) secrets.add(parsed.search);
    // As written in the URL, decoded, and encoded again: a server may echo any of them.
    for (const value of parsed.searchParams.values()) if (value.length >= 8) secrets.add(value).add(encodeURIComponent(value));
    for (const pair of parsed.search.slice(1).split('&')) {
      const raw = pair.slice(pair.indexOf('=') + 1);
      if (raw.length >= 8) secrets.add(raw).add(safeDecode(raw));
    }
    for (const segment of parsed.pathname.split('/')) if (segment.length >= 16) secrets.add(segment).add(safeDecode(segment));
  } catch {
    // Not a URL: the whole text given is all there is to hide.
  }
  let redacted = text;
  for (const secret of [...secrets].filter(Boolean).sort((a, b) => b.length - a.length)) redacted = redacted.split(secret).join('<webhook URL>');
  return redacted;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Spaces requests at least `minSpacingMs` apart, so no second ever sees more than
 * 1000 / minSpacingMs of them. Each caller reserves the next free slot at once (no
 * await between reading and taking it), so concurrent posts queue fairly.
 */
export class RateLimiter {
  private nextFree = Number.NEGATIVE_INFINITY;

  constructor(private readonly minSpacingMs = TEAMS_MIN_SPACING_MS) {}

  /** Takes the next slot at or after `now` and returns how long to wait for it (0: go now). */
  reserve(now: number): number {
    const slot = Math.max(now, this.nextFree);
    this.nextFree = slot + this.minSpacingMs;
    return slot - now;
  }
}

/** Shared by every post from this extension host, on the real clock. */
export const teamsRateLimiter = new RateLimiter();

export interface RetryNotice {
  /** The attempt that is about to be made (2 for the first retry). */
  attempt: number;
  maxAttempts: number;
  waitMs: number;
  status: number;
}

export interface PostOptions {
  fetchImpl?: typeof fetch;
  /** Waits `ms`; rejects (or returns early) when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  /** Pass a fresh one with an injected clock: the shared one runs on `Date.now`. */
  limiter?: RateLimiter;
  timeoutMs?: number;
  maxAttempts?: number;
  /** Cancels the post (and any wait before a retry). */
  signal?: AbortSignal;
  onRetry?: (notice: RetryNotice) => void;
}

export interface PostResult {
  status: number;
  attempts: number;
}

interface Answer {
  status: number;
  statusText: string;
  retryAfter: string | null;
  body: string;
}

/**
 * POST `body` as JSON to the webhook. Retries on 429 and 5xx, waiting what
 * Retry-After says (seconds or an HTTP date) or else 1, 2, 4, 8 s, up to
 * `maxAttempts` in all; never more than 4 requests a second. A timeout, a network
 * failure or any other status is a {@link WebhookError} at once: a post is not
 * idempotent, and a request that timed out may have been delivered.
 */
export async function postToTeams(url: string, body: unknown, options: PostOptions = {}): Promise<PostResult> {
  const problem = checkWebhookUrl(url);
  if (problem) throw new WebhookError(`The Teams webhook URL cannot be used: ${problem}.`, 'invalid-url');
  const {
    fetchImpl = fetch,
    sleep = abortableSleep,
    now = Date.now,
    limiter = teamsRateLimiter,
    timeoutMs = TEAMS_REQUEST_TIMEOUT_MS,
    maxAttempts = TEAMS_MAX_ATTEMPTS,
    signal,
    onRetry,
  } = options;
  const target = url.trim();
  const payload = JSON.stringify(body);
  // Every message, whole: the status text, the body and a network error can all echo the URL.
  const redact = (text: string) => printableLine(redactWebhookUrl(text, target));
  const wait = async (ms: number) => {
    try {
      await sleep(ms, signal);
    } catch (error) {
      if (signal?.aborted) throw cancelled();
      throw error;
    }
    if (signal?.aborted) throw cancelled();
  };

  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw cancelled();
    const slot = limiter.reserve(now());
    if (slot > 0) await wait(slot);
    const answer = await send(fetchImpl, target, payload, timeoutMs, signal, redact);
    if (answer.status >= 200 && answer.status < 300) return { status: answer.status, attempts: attempt };

    const status = statusLine(answer);
    const excerpt = bodyExcerpt(answer.body, redact);
    if (answer.status !== 429 && !(answer.status >= 500 && answer.status <= 599)) {
      throw new WebhookError(redact(`Teams refused the message: ${status}${excerpt}.${hintFor(answer.status)}`), 'http', answer.status);
    }
    if (attempt >= maxAttempts) {
      throw new WebhookError(redact(`Teams is still busy after ${attempt} attempts (last answer ${status}${excerpt}). Try again in a few minutes.`), 'busy', answer.status);
    }
    const delay = retryAfterMs(answer.retryAfter, now()) ?? BASE_BACKOFF_MS * 2 ** (attempt - 1);
    if (delay > MAX_RETRY_WAIT_MS) {
      throw new WebhookError(redact(`Teams asked to wait ${Math.ceil(delay / 1000)} s before trying again (${status}). Try again later.`), 'busy', answer.status);
    }
    onRetry?.({ attempt: attempt + 1, maxAttempts, waitMs: delay, status: answer.status });
    await wait(delay);
  }
}

async function send(fetchImpl: typeof fetch, url: string, payload: string, timeoutMs: number, signal: AbortSignal | undefined, redact: (text: string) => string): Promise<Answer> {
  const controller = new AbortController();
  const forwardAbort = () => controller.abort();
  signal?.addEventListener('abort', forwardAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: payload,
      // A redirect would carry the reply somewhere the user never chose (perhaps over plain http).
      redirect: 'manual',
      signal: controller.signal,
    });
    const body = await readExcerpt(response, MAX_BODY_BYTES);
    return { status: response.status, statusText: response.statusText, retryAfter: response.headers.get('retry-after'), body };
  } catch (error) {
    if (timedOut) {
      throw new WebhookError(
        `Teams did not answer within ${formatDuration(timeoutMs)}. The message may or may not have been posted: check the channel before posting again.`,
        'timeout',
      );
    }
    if (signal?.aborted) throw cancelled();
    throw new WebhookError(`Could not reach the Teams webhook (${redact(networkReason(error))}). Check the network connection and the webhook URL.`, 'network');
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forwardAbort);
  }
}

/** The start of a response body, at most `maxBytes` of it; the rest is never downloaded. */
async function readExcerpt(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    while (bytes < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      bytes += value.length;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const all = new Uint8Array(bytes);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return new TextDecoder().decode(all.subarray(0, maxBytes));
}

/** Milliseconds to wait from a Retry-After header: delay-seconds or an HTTP date; `undefined` when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** A `setTimeout` wait that rejects as soon as `signal` aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelled());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function cancelled(): WebhookError {
  return new WebhookError('Posting to Teams was cancelled.', 'cancelled');
}

function statusLine(answer: Answer): string {
  return `HTTP ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}`;
}

function bodyExcerpt(body: string, redact: (text: string) => string): string {
  const text = redact(body.replace(/\s+/g, ' ').trim());
  if (!text) return '';
  return `: "${text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text}"`;
}

function hintFor(status: number): string {
  if (status >= 300 && status < 400) return ' The webhook URL redirects elsewhere, and Pushback does not follow a redirect with your reply: use the URL the workflow shows.';
  if (status === 401 || status === 403 || status === 404) return ' Check the webhook URL (set it again with "Set Teams Webhook URL…") and that the workflow is turned on.';
  if (status === 413) return ' The message is too big: use the chat-sized template "teams-quick-reply".';
  return '';
}

/** fetch says only "fetch failed"; the cause says why (ECONNREFUSED, ENOTFOUND, a certificate error…). */
function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause && typeof cause.message === 'string' && cause.message) return cause.message;
  if (cause && typeof cause.code === 'string') return cause.code;
  return error instanceof Error ? error.message : String(error);
}

function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`;
}
