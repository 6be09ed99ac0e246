import { type MarkdownToken, replyMarkdown } from '../engine/replyMarkdown';

/**
 * Email HTML: Outlook (Word's renderer) and Gmail drop <style> blocks and classes
 * on paste, and Outlook's tables do not inherit the body font, so every element
 * carries its own inline style. Nothing external (images become their alt text),
 * no scripts, no classes; raw HTML was never enabled in the parser.
 */
const FAMILY = "font-family:Calibri,'Segoe UI',Arial,Helvetica,sans-serif";
const FONT = `${FAMILY};font-size:11pt;line-height:1.4;color:#1f1f1f`;
const MONO = "font-family:Consolas,'Courier New',monospace;font-size:10pt";
const CELL = `border:1px solid #bfbfbf;padding:4pt 8pt;vertical-align:top;${FONT}`;
const heading = (size: string) => `margin:0 0 8pt 0;${FAMILY};font-size:${size};line-height:1.3;font-weight:bold;color:#1f1f1f`;

const STYLES: Record<string, string> = {
  p: `margin:0 0 11pt 0;${FONT}`,
  h1: heading('16pt'),
  h2: heading('13pt'),
  h3: heading('11pt'),
  ul: `margin:0 0 11pt 0;padding-left:24pt;${FONT}`,
  ol: `margin:0 0 11pt 0;padding-left:24pt;${FONT}`,
  li: `margin:0 0 4pt 0;${FONT}`,
  table: `border-collapse:collapse;border-spacing:0;margin:0 0 11pt 0;${FONT}`,
  th: `${CELL};background-color:#f2f2f2;font-weight:bold`,
  td: CELL,
  a: 'color:#0563c1;text-decoration:underline',
  code: MONO,
  pre: `display:block;margin:0 0 11pt 0;padding:8pt;background-color:#f5f5f5;white-space:pre-wrap;${MONO}`,
  blockquote: `margin:0 0 11pt 0;padding-left:10pt;border-left:3px solid #c8c8c8;${FAMILY};color:#555555`,
  hr: 'border:0;border-top:1px solid #c8c8c8;margin:11pt 0',
};
const HEADING_STYLE = STYLES.h3;

/**
 * The reply as an HTML fragment for the clipboard (text/html) or an email body.
 * Line breaks inside a paragraph are kept (`breaks`): in a reply they are meant,
 * as in a signature under "Best regards,".
 */
export function emailHtmlFragment(markdown: string): string {
  const tokens = replyMarkdown().parse(markdown, {});
  styleTokens(tokens);
  const body = replyMarkdown().renderer.render(tokens, { ...replyMarkdown().options, breaks: true }, {});
  return `<div style="${FONT}">\n${body}</div>\n`;
}

/** A complete document (for `.eml` bodies and `--format html`): charset, title, the fragment. */
export function emailHtmlDocument(markdown: string, title = ''): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '</head>',
    '<body style="margin:0;padding:16px;background-color:#ffffff">',
    emailHtmlFragment(markdown).trimEnd(),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function styleTokens(tokens: MarkdownToken[]): void {
  let listDepth = 0;
  for (const token of tokens) {
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') listDepth++;
    if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') listDepth--;
    if (token.children) styleTokens(token.children);
    if (token.type === 'image') {
      // An image would be fetched from elsewhere when the mail opens: keep its words only.
      Object.assign(token, { type: 'text', tag: '', attrs: null, children: null });
      continue;
    }
    if (token.type === 'fence') token.info = ''; // no language-* class
    const tag = tagOf(token);
    if (tag === undefined) continue;
    let style = STYLES[tag] ?? (/^h[4-6]$/.test(tag) ? HEADING_STYLE : undefined);
    if (style === undefined) continue;
    if (tag === 'p' && listDepth > 0) style = `margin:0;${FONT}`;
    // markdown-it marks aligned columns with style="text-align:…"; keep that, and keep figures on one line.
    const aligned = /text-align:(\w+)/.exec(String(token.attrGet('style') ?? ''))?.[1];
    if (tag === 'th' || tag === 'td') style += aligned === 'right' ? ';text-align:right;white-space:nowrap' : `;text-align:${aligned ?? 'left'}`;
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style' && name !== 'class');
    token.attrSet('style', style);
  }
}

/** The element a token's attributes land on, for the tokens we style. */
function tagOf(token: MarkdownToken): string | undefined {
  if (token.type === 'code_inline') return 'code';
  if (token.type === 'fence' || token.type === 'code_block') return 'pre';
  if (token.type === 'hr') return 'hr';
  return token.nesting === 1 ? token.tag : undefined;
}
