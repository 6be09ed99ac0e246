import type { CompiledTemplate } from '../engine/compileTemplate';
import { markdownToPlainText } from '../engine/markdownOutput';
import type { ReplyInput } from '../engine/replyContext';
import { inlinePlainText, renderSubject } from '../engine/renderSubject';
import { parseIsoDate, weekdayName } from '../model/civilDate';
import type { IsoDate } from '../model/civilDate';
import { type Result, ok } from '../problems';
import { emailHtmlDocument } from './emailHtml';

export interface EmlMessage {
  subject: string;
  text: string;
  html: string;
  /** Written as the `Date:` header when given; never read from a clock here, so output is reproducible. */
  date?: IsoDate;
}

const CRLF = '\r\n';
/**
 * Quoted-printable and base64 never produce "=_" (QP writes "=" only before two hex
 * digits or a line break), so this fixed boundary cannot occur in either body.
 */
export const EML_BOUNDARY = '=_pushback_alternative';

/**
 * A reply as an RFC 5322 draft: subject from the template's front matter (else
 * "Re: <request title>"), plain text and HTML alternatives, dated `today`.
 * `X-Unsent: 1` makes Outlook open it as a draft to address and send; there is no
 * `To:` or `From:`, which the person sending fills in.
 */
export function replyToEml(template: CompiledTemplate, input: ReplyInput, markdown: string): Result<string> {
  const subject = renderSubject(template, input);
  if (!subject.ok) return subject;
  const text = subject.value ?? `Re: ${inlinePlainText(input.request.title)}`;
  return ok(buildEml({ subject: text, text: markdownToPlainText(markdown), html: emailHtmlDocument(markdown, text), date: input.today }));
}

/** A multipart/alternative message with CRLF line endings and UTF-8 quoted-printable bodies. */
export function buildEml(message: EmlMessage): string {
  const headers = [
    'MIME-Version: 1.0',
    ...(message.date ? [`Date: ${rfc5322Date(message.date)}`] : []),
    `Subject: ${encodeHeaderText(message.subject, 'Subject: '.length)}`,
    'X-Unsent: 1',
    `Content-Type: multipart/alternative; boundary="${EML_BOUNDARY}"`,
  ];
  const part = (type: string, body: string) =>
    [`--${EML_BOUNDARY}`, `Content-Type: ${type}; charset=UTF-8`, 'Content-Transfer-Encoding: quoted-printable', '', quotedPrintable(body)].join(CRLF);
  return [...headers, '', 'This is a multi-part message in MIME format.', part('text/plain', message.text), part('text/html', message.html), `--${EML_BOUNDARY}--`, ''].join(CRLF);
}

/**
 * `Mon, 04 Jan 2027 12:00:00 +0000`. Midday UTC falls on the same calendar date in
 * every time zone from UTC−11 to UTC+11, so the mail shows the day the reply is dated.
 */
export function rfc5322Date(date: IsoDate): string {
  const day = parseIsoDate(date);
  if (day === undefined) throw new Error(`not an ISO date: ${date}`);
  const [year, month, dayOfMonth] = date.split('-');
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${weekdayName(day)}, ${dayOfMonth} ${months[Number(month) - 1]} ${year} 12:00:00 +0000`;
}

/**
 * Header text on one logical line: control characters become spaces (so data can
 * never start a new header), ASCII is folded at spaces, anything else becomes RFC 2047
 * encoded-words (`=?UTF-8?B?…?=`) of at most 39 bytes each, split on whole characters.
 */
export function encodeHeaderText(text: string, offset = 0): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (/^[\x20-\x7e]*$/.test(clean) && !/=\?/.test(clean)) return foldAscii(clean, offset);
  const words: number[][] = [];
  let chunk: number[] = [];
  const encoder = new TextEncoder();
  for (const char of clean) {
    const bytes = [...encoder.encode(char)];
    if (chunk.length + bytes.length > 39) {
      words.push(chunk);
      chunk = [];
    }
    chunk.push(...bytes);
  }
  if (chunk.length > 0) words.push(chunk);
  return words.map((bytes) => `=?UTF-8?B?${base64(Uint8Array.from(bytes))}?=`).join(`${CRLF} `);
}

function foldAscii(text: string, offset: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const limit = 78 - (lines.length === 0 ? offset : 0);
    if (line !== '' && line.length + 1 + word.length > limit) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines.join(`${CRLF} `);
}

/** RFC 2045 quoted-printable of UTF-8 text: lines of at most 76 characters, CRLF hard breaks. */
export function quotedPrintable(text: string): string {
  const encoder = new TextEncoder();
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const bytes = encoder.encode(line);
      const out: string[] = [];
      let current = '';
      bytes.forEach((byte, index) => {
        const last = index === bytes.length - 1;
        const literal = (byte >= 33 && byte <= 126 && byte !== 61) || ((byte === 32 || byte === 9) && !last);
        const unit = literal ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
        // 75 leaves room for the "=" of a soft line break.
        if (current.length + unit.length > 75) {
          out.push(`${current}=`);
          current = '';
        }
        current += unit;
      });
      out.push(current);
      return out.join(CRLF);
    })
    .join(CRLF);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 without Node's Buffer: the core also runs in the webview. */
export function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63] + (b === undefined ? '=' : BASE64[(n >> 6) & 63]) + (c === undefined ? '=' : BASE64[n & 63]);
  }
  return out;
}
