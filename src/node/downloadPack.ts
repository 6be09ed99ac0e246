import { createHash } from 'node:crypto';
import { createWriteStream, promises as fsp } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import { PackInstallError, formatBytes } from './unpackBudget';

export const SHA256 = /^[0-9a-fA-F]{64}$/;
const MAX_REDIRECTS = 5;
const TIMEOUT_MS = 30_000;

/**
 * Download a pack archive to `file` and check its sha256 before anything is
 * unpacked: the hash is what makes a URL safe to share, since whoever controls the
 * server could otherwise change the pack under everyone. HTTPS only; plain HTTP is
 * accepted for loopback addresses, where tests and local mirrors run.
 */
export async function downloadPack(url: string, sha256: string | undefined, file: string, maxBytes: number): Promise<void> {
  if (sha256 === undefined) throw new PackInstallError('a URL needs the sha256 of the archive', 'add --sha256 HEX (the pack author publishes it; sha256sum FILE computes it)', url);
  if (!SHA256.test(sha256)) throw new PackInstallError(`"${sha256}" is not a sha256 (64 hexadecimal digits)`, 'copy the whole sha256 the pack author published', url);
  const hash = createHash('sha256');
  let location = checkedUrl(url);
  for (let redirects = 0; ; redirects++) {
    const response = await get(location);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      if (redirects >= MAX_REDIRECTS) throw new PackInstallError(`more than ${MAX_REDIRECTS} redirects`, 'use the final URL of the archive', url);
      // A malformed Location is the server's fault, said as such (new URL would throw a bare TypeError).
      location = checkedUrl(response.headers.location, location);
      continue;
    }
    if (status !== 200) {
      response.resume();
      throw new PackInstallError(`the server answered ${status} ${response.statusMessage ?? ''}`.trim(), 'check the URL', url);
    }
    if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
      response.destroy();
      throw new PackInstallError(`the archive is larger than ${formatBytes(maxBytes)}`, 'a pack is a handful of small files; check the URL', url);
    }
    await save(response, file, hash, maxBytes, url);
    break;
  }
  const actual = hash.digest('hex');
  if (actual !== sha256.toLowerCase()) {
    await fsp.rm(file, { force: true });
    throw new PackInstallError(`the archive's sha256 is ${actual}, not ${sha256.toLowerCase()}`, 'the file changed or the hash is wrong: nothing was installed; ask the pack author for the current hash', url);
  }
}

function checkedUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new PackInstallError(`"${text}" is not a URL`, 'write the full https:// address', text);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return url;
  throw new PackInstallError(`refused ${url.protocol}// download: only https is accepted`, 'use an https:// address', text);
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function get(url: URL): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).get(url, { timeout: TIMEOUT_MS }, resolve);
    request.on('timeout', () => request.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    request.on('error', (error) => reject(new PackInstallError(`cannot download: ${error.message}`, 'check the URL and your network connection', url.toString())));
  });
}

function save(response: http.IncomingMessage, file: string, hash: ReturnType<typeof createHash>, maxBytes: number, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file, { flags: 'wx' });
    let bytes = 0;
    const fail = (error: Error) => {
      response.destroy();
      out.destroy();
      reject(error);
    };
    response.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) return fail(new PackInstallError(`the archive is larger than ${formatBytes(maxBytes)}`, 'a pack is a handful of small files; check the URL', url));
      hash.update(chunk);
      if (!out.write(chunk)) {
        response.pause();
        out.once('drain', () => response.resume());
      }
    });
    response.on('error', (error) => fail(new PackInstallError(`the download broke off: ${error.message}`, 'try again', url)));
    response.on('end', () => out.end());
    out.on('error', fail);
    out.on('finish', resolve);
  });
}
