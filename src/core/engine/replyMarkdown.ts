import MarkdownIt from 'markdown-it';

/**
 * The parser every output reads a reply with (card, email, subject). Same settings
 * everywhere: `html: false` keeps raw HTML in a template or the
 * data as text, and `linkify` stays off so nothing becomes a link nobody wrote.
 * Outputs walk its tokens instead of rewriting rendered HTML with regexes.
 * Made on first use: building it loads markdown-it, which activation does not need.
 */
export function replyMarkdown(): InstanceType<typeof MarkdownIt> {
  parser ??= new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
  return parser;
}
let parser: InstanceType<typeof MarkdownIt> | undefined;

export type MarkdownToken = MarkdownIt.Token;
