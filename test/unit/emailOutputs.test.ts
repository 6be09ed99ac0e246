import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileTemplate } from '../../src/core/engine/compileTemplate';
import { markdownToPlainText } from '../../src/core/engine/markdownOutput';
import { renderReply } from '../../src/core/engine/renderReply';
import { renderSubject } from '../../src/core/engine/renderSubject';
import { createTemplateEnvironment } from '../../src/core/engine/templateEnvironment';
import { emailHtmlDocument, emailHtmlFragment } from '../../src/core/outputs/emailHtml';
import { EML_BOUNDARY, base64, buildEml, encodeHeaderText, quotedPrintable, replyToEml } from '../../src/core/outputs/eml';
import { draftSample } from './fixtures/sample';

/** What a mail client does with a message: headers unfolded, parts split at the boundary, bodies decoded. */
function parseEml(eml: string) {
  const [head, ...rest] = eml.split('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const boundary = /boundary="([^"]+)"/.exec(headers.get('content-type') ?? '')?.[1] ?? '';
  const body = rest.join('\r\n\r\n');
  const [, ...sections] = body.split(`\r\n--${boundary}`);
  const closing = sections.pop();
  const parts = sections.map((section) => {
    const [partHead, ...partBody] = section.replace(/^\r\n/, '').split('\r\n\r\n');
    return { head: partHead, body: decodeQuotedPrintable(partBody.join('\r\n\r\n')) };
  });
  return { headers, boundary, parts, closing, subject: decodeHeader(headers.get('subject') ?? '') };
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const soft = text.replace(/=\r\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=') {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(soft.charCodeAt(i));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeHeader(value: string): string {
  // Whitespace between two encoded-words is not part of the text (RFC 2047 §6.2).
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_, data: string) => Buffer.from(data, 'base64').toString('utf8'));
}

describe('email: rich HTML', () => {
  it('styles every element inline, keeps right-aligned figures, and uses no classes, scripts or external assets', async () => {
    const html = emailHtmlFragment((await draftSample()).markdown);
    assert.match(html, /^<div style="font-family:Calibri/);
    assert.match(html, /<p style="margin:0 0 11pt 0;font-family:[^"]+">Hi Dana,<\/p>/);
    assert.match(html, /<table style="border-collapse:collapse;[^"]*">/);
    assert.match(html, /<th style="border:1px solid #bfbfbf;padding:4pt 8pt;[^"]*font-weight:bold;text-align:left">Commitment<\/th>/);
    assert.match(html, /<td style="border:1px solid [^"]*;text-align:right;white-space:nowrap">\$11,700<\/td>/);
    assert.match(html, /<strong>Trade-offs\.<\/strong>/);
    assert.match(html, /Best regards,<br>\nSam Carter<br>\nDirector of IT Platforms<\/p>/, 'the signature keeps its lines');
    for (const forbidden of [/class=/, /<script/i, /<style/i, /<img/i, /<link/i, /\bsrc=/, /url\(/]) assert.doesNotMatch(html, forbidden);
    const tags = [...html.matchAll(/<([a-z0-9]+)[ >]/g)].map((m) => m[1]);
    const unstyled = [...html.matchAll(/<(p|table|th|td|ul|ol|li|h\d)>/g)];
    assert.ok(tags.length > 50);
    assert.deepEqual(unstyled, [], 'every block element carries its style');
  });

  it('shows raw HTML and data markup as text: nothing is injected', () => {
    const html = emailHtmlFragment('Hello <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) ![t](https://tracker.example/p.png)\n\n<b>bold</b>\n');
    assert.doesNotMatch(html, /<script|<img|<b>|href="javascript/i);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, / t<\/p>/, 'an image keeps only its alt text');
  });

  it('escapes a request title with HTML in it, from data through the template', async () => {
    const drafted = await draftSample();
    const input = { ...drafted.input, request: { ...drafted.input.request, title: '<script>alert("x")</script> & more' } };
    const rendered = renderReply(drafted.template, input);
    assert.ok(rendered.ok);
    const html = emailHtmlDocument(rendered.value, '<title> & "quotes"');
    assert.doesNotMatch(html, /<script/);
    assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; more/);
    assert.match(html, /<title>&#60;title&#62; &#38; &#34;quotes&#34;<\/title>/);
  });

  it('is a minimal document with a charset, for .eml and --format html', () => {
    const html = emailHtmlDocument('Hi', 'Subject');
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">/);
    assert.match(html, /<body style="[^"]+">\n<div style="[^"]+">\n<p style="[^"]+">Hi<\/p>\n<\/div>\n<\/body>\n<\/html>\n$/);
  });
});

describe('email: the subject line', () => {
  it('renders the template\'s front-matter subject as plain text', async () => {
    const drafted = await draftSample();
    const subject = renderSubject(drafted.template, drafted.input);
    assert.deepEqual(subject, { ok: true, value: 'Re: Customer self-service order-tracking portal — yes, and here is what moves' });
  });

  it('reads data literally (no Markdown escapes) and on one line', async () => {
    const drafted = await draftSample();
    const input = { ...drafted.input, request: { ...drafted.input.request, title: 'A_b *c* <d>\r\nBcc: evil@example.com' } };
    const subject = renderSubject(drafted.template, input);
    assert.deepEqual(subject, { ok: true, value: 'Re: A_b *c* <d> Bcc: evil@example.com — yes, and here is what moves' });
  });

  it('is undefined for a template without one, and a located problem for a bad one', () => {
    const compile = (front: string) => {
      const compiled = compileTemplate(createTemplateEnvironment(), 't.hbs', `---\nid: t\nname: T\ndescription: D\ntone: plain\nchannel: email\n${front}---\nBody\n`);
      assert.ok(compiled.ok);
      return compiled.value;
    };
    return draftSample().then(({ input }) => {
      assert.deepEqual(renderSubject(compile(''), input), { ok: true, value: undefined });
      const bad = renderSubject(compile('subject: "{{request.colour}}"\n'), input);
      assert.equal(bad.ok, false);
      assert.ok(!bad.ok);
      assert.equal(bad.problems[0].path, 'subject');
      assert.equal(bad.problems[0].file, 't.hbs');
      assert.match(bad.problems[0].message, /colour/);
    });
  });
});

describe('email: the .eml draft', () => {
  it('is a multipart/alternative draft with CRLF lines, a dated header block and both bodies', async () => {
    const drafted = await draftSample();
    const result = replyToEml(drafted.template, drafted.input, drafted.markdown);
    assert.ok(result.ok);
    const eml = result.value;
    assert.doesNotMatch(eml, /(?<!\r)\n/, 'every line ends in CRLF');
    assert.ok(eml.split('\r\n').every((line) => line.length <= 78), 'no line is longer than 78 characters');
    const parsed = parseEml(eml);
    assert.equal(parsed.headers.get('mime-version'), '1.0');
    assert.equal(parsed.headers.get('date'), 'Mon, 04 Jan 2027 12:00:00 +0000');
    assert.equal(parsed.headers.get('x-unsent'), '1');
    assert.equal(parsed.headers.has('to'), false);
    assert.equal(parsed.headers.has('from'), false);
    assert.equal(parsed.boundary, EML_BOUNDARY);
    assert.equal(parsed.subject, 'Re: Customer self-service order-tracking portal — yes, and here is what moves');
    assert.match(parsed.headers.get('subject') ?? '', /^=\?UTF-8\?B\?/, 'a non-ASCII subject is an encoded-word');
    assert.equal(parsed.parts.length, 2);
    assert.match(parsed.parts[0].head, /^Content-Type: text\/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable$/);
    assert.match(parsed.parts[1].head, /^Content-Type: text\/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable$/);
    assert.equal(parsed.parts[0].body, markdownToPlainText(drafted.markdown).replace(/\n/g, '\r\n'));
    assert.equal(parsed.parts[1].body, emailHtmlDocument(drafted.markdown, parsed.subject).replace(/\n/g, '\r\n'));
    assert.equal(parsed.closing, '--\r\n', 'the closing delimiter ends the message');
    assert.ok(!parsed.parts.some((p) => p.body.includes(`--${EML_BOUNDARY}`)));
  });

  it('falls back to "Re: <title>" for a template without a subject', async () => {
    const drafted = await draftSample('executive-brief');
    const result = replyToEml(drafted.template, drafted.input, drafted.markdown);
    assert.ok(result.ok);
    assert.equal(parseEml(result.value).subject, 'Re: Customer self-service order-tracking portal');
  });

  it('cannot be made to carry extra headers through the data', async () => {
    const drafted = await draftSample();
    const input = { ...drafted.input, request: { ...drafted.input.request, title: 'Plain\r\nBcc: evil@example.com\nX-Evil: 1' } };
    const result = replyToEml(drafted.template, input, drafted.markdown);
    assert.ok(result.ok);
    const head = result.value.split('\r\n\r\n')[0];
    assert.doesNotMatch(head, /^(Bcc|X-Evil):/im);
  });

  it('writes Date only when given, and folds a long ASCII subject at spaces', () => {
    const subject = 'Re: a fairly long plain ASCII subject line that needs folding somewhere past the limit of seventy-eight';
    const eml = buildEml({ subject, text: 'Hi', html: '<p>Hi</p>' });
    assert.doesNotMatch(eml, /^Date:/m);
    const head = eml.split('\r\n\r\n')[0];
    assert.ok(head.split('\r\n').every((line) => line.length <= 78));
    assert.equal(parseEml(eml).subject, subject);
  });

  it('encodes quoted-printable that decodes back exactly (any text)', () => {
    assert.equal(quotedPrintable('a=b, trailing space \nend\t'), 'a=3Db, trailing space=20\r\nend=09');
    assert.equal(quotedPrintable('€'), '=E2=82=AC');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const encoded = quotedPrintable(text);
        assert.ok(encoded.split('\r\n').every((line) => line.length <= 76));
        assert.doesNotMatch(encoded, /[ \t]\r\n|[ \t]$/, 'no unencoded whitespace at a line end');
        assert.equal(decodeQuotedPrintable(encoded), text.replace(/\r\n?|\n/g, '\r\n'));
      }),
      { seed: 5, numRuns: 300 },
    );
  });

  it('encodes header words of whole characters, and base64 like Node does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }), (text) => {
        const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
        const encoded = encodeHeaderText(text, 9);
        assert.doesNotMatch(encoded, /\r\n(?! )/, 'continuation lines start with a space');
        assert.equal(decodeHeader(encoded.replace(/\r\n /g, ' ')), clean);
      }),
      { seed: 7, numRuns: 300 },
    );
    for (const bytes of [[], [1], [1, 2], [1, 2, 3], [255, 254, 253, 0]]) assert.equal(base64(Uint8Array.from(bytes)), Buffer.from(bytes).toString('base64'));
  });
});
