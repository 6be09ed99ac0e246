import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AdaptiveCard, buildAdaptiveCard, teamsMessage } from '../../src/core/outputs/adaptiveCard';
import {
  MAX_RETRY_WAIT_MS,
  RateLimiter,
  WebhookError,
  checkWebhookUrl,
  isLoopbackHost,
  postToTeams,
  redactWebhookUrl,
  retryAfterMs,
} from '../../src/extension/teams/webhookClient';
import { draftSample } from './fixtures/sample';

interface Received {
  method: string;
  path: string;
  contentType: string | undefined;
  body: string;
}

type Respond = (response: http.ServerResponse) => void;

/**
 * A webhook on 127.0.0.1 that answers each request with the next step of `script`
 * (the last step repeats) and remembers what it received. A step that never calls
 * `end` holds the request open, for timeouts.
 */
async function webhookServer(script: Respond[]) {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ method: request.method ?? '', path: request.url ?? '', contentType: request.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') });
      script[Math.min(received.length, script.length) - 1](response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    received,
    url: `http://127.0.0.1:${port}/workflows/0123456789abcdef0123/triggers/manual/paths/invoke?api-version=1&sig=SECRETSIGNATURE42`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const answer =
  (status: number, body = '', headers: Record<string, string> = {}): Respond =>
  (response) => {
    response.writeHead(status, { 'content-type': 'text/plain', ...headers });
    response.end(body);
  };
const accepted = answer(202);
const holdForever: Respond = () => undefined;

/** A clock that only moves when the client sleeps: every wait is recorded, none is real. */
function fakeClock(start = 0) {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

function clockOptions(clock: ReturnType<typeof fakeClock>) {
  return { now: clock.now, sleep: clock.sleep, limiter: new RateLimiter() };
}

async function rejection(promise: Promise<unknown>): Promise<WebhookError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof WebhookError, `expected a WebhookError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the post to fail');
}

let card: AdaptiveCard;

before(async () => {
  const drafted = await draftSample('teams-quick-reply');
  const built = buildAdaptiveCard({ input: drafted.input, markdown: drafted.markdown, frontMatter: drafted.template.frontMatter });
  assert.ok(built.ok);
  card = built.value;
});

describe('postToTeams against a local webhook', () => {
  let server: Awaited<ReturnType<typeof webhookServer>> | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('POSTs the Workflows envelope: one Adaptive Card attachment, as JSON', async () => {
    server = await webhookServer([accepted]);
    const result = await postToTeams(server.url, teamsMessage(card), clockOptions(fakeClock()));
    assert.deepEqual(result, { status: 202, attempts: 1 });
    assert.equal(server.received.length, 1);
    const [request] = server.received;
    assert.equal(request.method, 'POST');
    assert.match(request.path, /^\/workflows\//);
    assert.equal(request.contentType, 'application/json');
    const body = JSON.parse(request.body);
    assert.equal(body.type, 'message');
    assert.equal(body.attachments.length, 1);
    assert.equal(body.attachments[0].contentType, 'application/vnd.microsoft.card.adaptive');
    assert.deepEqual(body.attachments[0].content, card);
    assert.equal(body.attachments[0].content.version, '1.5');
  });

  it('waits what Retry-After says (seconds) after a 429, then posts again', async () => {
    server = await webhookServer([answer(429, 'slow down', { 'retry-after': '2' }), accepted]);
    const clock = fakeClock();
    const retries: number[] = [];
    const result = await postToTeams(server.url, teamsMessage(card), { ...clockOptions(clock), onRetry: (notice) => retries.push(notice.waitMs) });
    assert.deepEqual(result, { status: 202, attempts: 2 });
    assert.equal(server.received.length, 2);
    assert.deepEqual(clock.sleeps, [2000]);
    assert.deepEqual(retries, [2000]);
    assert.equal(server.received[1].body, server.received[0].body);
  });

  it('reads a Retry-After given as an HTTP date against its clock', async () => {
    const start = Date.parse('2027-01-04T12:00:00Z');
    server = await webhookServer([answer(503, '', { 'retry-after': new Date(start + 5000).toUTCString() }), accepted]);
    const clock = fakeClock(start);
    await postToTeams(server.url, teamsMessage(card), clockOptions(clock));
    assert.deepEqual(clock.sleeps, [5000]);
  });

  it('retries a 500 after backing off, and succeeds', async () => {
    server = await webhookServer([answer(500, 'oops'), accepted]);
    const clock = fakeClock();
    const result = await postToTeams(server.url, teamsMessage(card), clockOptions(clock));
    assert.deepEqual(result, { status: 202, attempts: 2 });
    assert.deepEqual(clock.sleeps, [1000]);
  });

  it('gives up after five attempts with the last status, backing off 1, 2, 4, 8 s', async () => {
    server = await webhookServer([answer(503, 'Service Unavailable: the flow is throttled')]);
    const clock = fakeClock();
    const error = await rejection(postToTeams(server.url, teamsMessage(card), clockOptions(clock)));
    assert.equal(error.kind, 'busy');
    assert.equal(error.status, 503);
    assert.match(error.message, /still busy after 5 attempts/);
    assert.match(error.message, /HTTP 503 Service Unavailable/);
    assert.match(error.message, /the flow is throttled/);
    assert.equal(server.received.length, 5);
    assert.deepEqual(clock.sleeps, [1000, 2000, 4000, 8000]);
  });

  it('does not wait out a Retry-After longer than a minute: it says when to try again', async () => {
    server = await webhookServer([answer(429, '', { 'retry-after': String(MAX_RETRY_WAIT_MS / 1000 + 60) })]);
    const error = await rejection(postToTeams(server.url, teamsMessage(card), clockOptions(fakeClock())));
    assert.equal(error.kind, 'busy');
    assert.match(error.message, /asked to wait 120 s/);
    assert.equal(server.received.length, 1);
  });

  it('fails clearly on a timeout, without posting again (the message may have arrived)', async () => {
    server = await webhookServer([holdForever]);
    const error = await rejection(postToTeams(server.url, teamsMessage(card), { ...clockOptions(fakeClock()), timeoutMs: 200 }));
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /did not answer within 200 ms/);
    assert.match(error.message, /check the channel before posting again/);
    assert.equal(server.received.length, 1);
  });

  it('reports any other status with the status and an excerpt of the body, at once', async () => {
    server = await webhookServer([answer(400, `{"error":{"code":"InvalidRequestContent","message":"The input body for trigger 'manual' of type 'Request' must be of type JSON${' and more'.repeat(60)}"}}`)]);
    const error = await rejection(postToTeams(server.url, teamsMessage(card), clockOptions(fakeClock())));
    assert.equal(error.kind, 'http');
    assert.equal(error.status, 400);
    assert.match(error.message, /^Teams refused the message: HTTP 400 Bad Request: "\{"error".*InvalidRequestContent/);
    assert.ok(error.message.includes('…'), 'a long body is cut short');
    assert.ok(error.message.length < 400, error.message);
    assert.equal(server.received.length, 1);
  });

  it('never puts the webhook URL (or its signature) in an error, even when the server echoes it', async () => {
    let url = '';
    const echo: Respond = (response) => answer(404, `No workflow at ${url} (path ${new URL(url).pathname}${new URL(url).search})`)(response);
    server = await webhookServer([echo]);
    url = server.url;
    const error = await rejection(postToTeams(url, teamsMessage(card), clockOptions(fakeClock())));
    assert.equal(error.status, 404);
    assert.ok(!error.message.includes('SECRETSIGNATURE42'), error.message);
    assert.ok(!error.message.includes('0123456789abcdef0123'), error.message);
    assert.match(error.message, /<webhook URL>/);
    assert.match(error.message, /Set Teams Webhook URL/);
  });

  it('redacts the status text too, and escapes control characters in what the server says', async () => {
    let url = '';
    const echo: Respond = (response) => {
      response.writeHead(403, `Forbidden for ${new URL(url).search} and sig=${encodeURIComponent('SECRETSIGNATURE42')}`, { 'content-type': 'text/plain' });
      response.end('denied \u001b[2J\u001b[H cleared');
    };
    server = await webhookServer([echo]);
    url = server.url;
    const error = await rejection(postToTeams(url, teamsMessage(card), clockOptions(fakeClock())));
    assert.equal(error.status, 403);
    assert.ok(!error.message.includes('SECRETSIGNATURE42'), error.message);
    assert.match(error.message, /HTTP 403 Forbidden for <webhook URL>/);
    assert.ok(!error.message.includes('\u001b'), error.message);
    assert.match(error.message, /denied \\x1b\[2J/);
  });

  it('reads only the start of a huge error body', async () => {
    let sent = 0;
    const endless: Respond = (response) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = () => {
        while (!response.destroyed && sent < 512 * 1024 * 1024) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
      };
      response.on('close', () => undefined);
      pump();
    };
    server = await webhookServer([endless]);
    const error = await rejection(postToTeams(server.url, teamsMessage(card), { ...clockOptions(fakeClock()), maxAttempts: 1 }));
    assert.equal(error.kind, 'busy');
    assert.match(error.message, /last answer HTTP 500 Internal Server Error: "x{200}…"/);
    assert.ok(sent < 64 * 1024 * 1024, `the server got to send ${sent} bytes`);
  });

  it('says it could not reach the webhook when nothing listens, without the URL', async () => {
    server = await webhookServer([accepted]);
    const url = server.url;
    await server.close();
    server = undefined;
    const error = await rejection(postToTeams(url, teamsMessage(card), clockOptions(fakeClock())));
    assert.equal(error.kind, 'network');
    assert.match(error.message, /^Could not reach the Teams webhook \(.*ECONNREFUSED/);
    assert.ok(!error.message.includes('SECRETSIGNATURE42'));
  });

  it('stops when cancelled while waiting to retry', async () => {
    server = await webhookServer([answer(429, '', { 'retry-after': '1' }), accepted]);
    const controller = new AbortController();
    const error = await rejection(
      postToTeams(server.url, teamsMessage(card), {
        limiter: new RateLimiter(),
        now: () => 0,
        signal: controller.signal,
        sleep: async () => controller.abort(),
      }),
    );
    assert.equal(error.kind, 'cancelled');
    assert.equal(server.received.length, 1);
  });

  it('sends at most 4 requests in any second, across separate posts', async () => {
    server = await webhookServer([accepted]);
    const clock = fakeClock();
    const limiter = new RateLimiter();
    const sentAt: number[] = [];
    const fetchImpl: typeof fetch = (input, init) => {
      sentAt.push(clock.now());
      return fetch(input, init);
    };
    for (let i = 0; i < 10; i++) await postToTeams(server.url, teamsMessage(card), { now: clock.now, sleep: clock.sleep, limiter, fetchImpl });
    assert.equal(server.received.length, 10);
    assert.deepEqual(sentAt, [0, 250, 500, 750, 1000, 1250, 1500, 1750, 2000, 2250]);
    const busiestSecond = Math.max(...sentAt.map((start) => sentAt.filter((t) => t >= start && t < start + 1000).length));
    assert.equal(busiestSecond, 4);
  });

  it('refuses a URL that is not HTTPS (or loopback http) before sending anything', async () => {
    let called = false;
    const fetchImpl: typeof fetch = async () => {
      called = true;
      return new Response('', { status: 202 });
    };
    const error = await rejection(postToTeams('http://example.com/workflows/abc?sig=SECRETSIGNATURE42', {}, { fetchImpl, limiter: new RateLimiter() }));
    assert.equal(error.kind, 'invalid-url');
    assert.equal(called, false);
    assert.ok(!error.message.includes('SECRETSIGNATURE42'));
  });
});

describe('RateLimiter', () => {
  it('queues concurrent callers 250 ms apart, and lets a caller go at once after a quiet spell', () => {
    const limiter = new RateLimiter();
    assert.deepEqual([0, 0, 0, 0, 0, 0].map((now) => limiter.reserve(now)), [0, 250, 500, 750, 1000, 1250]);
    assert.equal(limiter.reserve(10_000), 0);
    assert.equal(limiter.reserve(10_100), 150);
  });
});

describe('checkWebhookUrl', () => {
  it('accepts https anywhere, and plain http only on this computer', () => {
    for (const url of [
      'https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=x',
      '  https://example.com/hook  ',
      'http://127.0.0.1:3000/hook',
      'http://127.45.6.7/hook',
      'http://[::1]:8080/hook',
      'http://localhost:9/hook',
      'http://LOCALHOST/hook',
    ]) {
      assert.equal(checkWebhookUrl(url), undefined, url);
    }
  });

  it('refuses plain http elsewhere, other schemes and non-URLs, without repeating the URL', () => {
    for (const url of ['http://example.com/hook?sig=SECRET', 'http://127.0.0.1.example.com/hook', 'http://128.0.0.1/hook', 'http://10.0.0.1/hook', 'ftp://example.com/hook', 'not a url SECRET', '']) {
      const problem = checkWebhookUrl(url);
      assert.ok(problem, url);
      assert.ok(!problem.includes('SECRET'), problem);
    }
    assert.match(checkWebhookUrl('http://example.com/') ?? '', /only for this computer/);
  });

  it('knows the loopback host names', () => {
    assert.ok(isLoopbackHost('127.0.0.1'));
    assert.ok(isLoopbackHost('[::1]'));
    assert.ok(!isLoopbackHost('127.0.0.1.nip.io'));
    assert.ok(!isLoopbackHost('::2'));
  });
});

describe('retryAfterMs and redactWebhookUrl', () => {
  it('reads delay-seconds and HTTP dates, and ignores what it cannot read', () => {
    const now = Date.parse('2027-01-04T12:00:00Z');
    assert.equal(retryAfterMs('3', now), 3000);
    assert.equal(retryAfterMs(' 0 ', now), 0);
    assert.equal(retryAfterMs('Mon, 04 Jan 2027 12:00:07 GMT', now), 7000);
    assert.equal(retryAfterMs('Mon, 04 Jan 2027 11:00:00 GMT', now), 0);
    assert.equal(retryAfterMs('soon', now), undefined);
    assert.equal(retryAfterMs(null, now), undefined);
  });

  it('hides the URL, its path and its signature', () => {
    const url = 'https://prod.logic.azure.com/workflows/0123456789abcdef0123/invoke?sig=SECRETSIGNATURE42';
    const text = redactWebhookUrl(`posting to ${url} failed; path /workflows/0123456789abcdef0123/invoke?sig=SECRETSIGNATURE42; sig SECRETSIGNATURE42`, url);
    assert.ok(!text.includes('SECRETSIGNATURE42'), text);
    assert.ok(!text.includes('0123456789abcdef0123'), text);
    assert.ok(text.startsWith('posting to <webhook URL> failed'), text);
  });
});
