import { type MarkdownToken, replyMarkdown } from '../engine/replyMarkdown';

/** The Adaptive Card elements this project emits (a small, schema-checked subset of 1.5). */
export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  id?: string;
  size?: 'small' | 'default' | 'medium' | 'large';
  weight?: 'bolder';
  style?: 'heading';
  isSubtle?: boolean;
  color?: 'attention' | 'good' | 'warning';
  fontType?: 'monospace';
  spacing?: 'none' | 'small' | 'medium' | 'large';
  separator?: boolean;
}

/**
 * Text from data, made literal for a TextBlock: Adaptive Card text is a Markdown
 * subset, so a title like `snake_case *draft*` would otherwise turn italic. Only the
 * characters that subset (and CommonMark escapes) treat specially get a backslash,
 * so ordinary text reaches every renderer unchanged.
 */
export function escapeCardText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>]/g, (char) => `\\${char}`)
    // Blanks, not \s: \s also matches line breaks, and retrying it from every line
    // start of 60,000 empty lines took seconds.
    .replace(/^([^\S\r\n\u2028\u2029]*)([-+#])(?=\s|$)/gm, '$1\\$2')
    .replace(/^([^\S\r\n\u2028\u2029]*\d+)\.(?=\s|$)/gm, '$1\\.')
    .replace(/\r\n?/g, '\n');
}

/**
 * A reply's Markdown as TextBlocks in the Markdown subset cards support (bold,
 * italic, lists, links). Headings become bold blocks; a table becomes one list line
 * per row ("first cell — Header: value · …"), since card text has no tables and the
 * card shows what slips in a real Table already. Line breaks inside a paragraph
 * (a signature) become separate blocks: renderers disagree about `\n` in text.
 */
export function markdownToTextBlocks(markdown: string): TextBlock[] {
  const tokens = replyMarkdown().parse(markdown, {});
  const blocks: TextBlock[] = [];
  const lists: { ordered: boolean; next: number }[] = [];
  let listLines: string[] = [];
  let separateNext = false;
  const push = (block: TextBlock) => {
    blocks.push(separateNext ? { ...block, separator: true } : block);
    separateNext = false;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    switch (token.type) {
      case 'heading_open': {
        const level = Number(token.tag.slice(1));
        push({ type: 'TextBlock', text: inlineCardText(tokens[i + 1]).join(' '), wrap: true, weight: 'bolder', style: 'heading', size: level === 1 ? 'large' : level === 2 ? 'medium' : 'default' });
        i += 2;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: token.type === 'ordered_list_open', next: Number(token.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        // Nested lists are flattened into their outer list: cards have one level.
        if (lists.length === 0 && listLines.length > 0) {
          push({ type: 'TextBlock', text: listLines.join('\r'), wrap: true });
          listLines = [];
        }
        break;
      case 'paragraph_open': {
        const lines = inlineCardText(tokens[i + 1]);
        const list = lists[lists.length - 1];
        if (list && tokens[i - 1]?.type === 'list_item_open') {
          listLines.push(`${list.ordered ? `${list.next++}.` : '-'} ${lines.join(' ')}`);
        } else if (list) {
          listLines[listLines.length - 1] += ` ${lines.join(' ')}`;
        } else {
          lines.forEach((line, index) => push({ type: 'TextBlock', text: line, wrap: true, ...(index > 0 ? { spacing: 'none' as const } : {}) }));
        }
        i += 2;
        break;
      }
      case 'table_open': {
        const end = tokens.findIndex((t, k) => k > i && t.type === 'table_close');
        push({ type: 'TextBlock', text: tableAsList(tokens.slice(i, end)), wrap: true });
        i = end;
        break;
      }
      case 'fence':
      case 'code_block':
        push({ type: 'TextBlock', text: escapeCardText(token.content.replace(/\n$/, '')), wrap: true, fontType: 'monospace' });
        break;
      case 'hr':
        separateNext = true;
        break;
      default:
        break;
    }
  }
  return blocks;
}

/** An inline token as card Markdown, split at line breaks. */
function inlineCardText(token: MarkdownToken | undefined): string[] {
  const lines: string[] = [''];
  const hrefs: string[] = [];
  const append = (text: string) => (lines[lines.length - 1] += text);
  for (const child of token?.children ?? []) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
      case 'image': // an image's alt text: cards from a reply carry no external assets
        append(escapeCardText(child.content));
        break;
      case 'strong_open':
      case 'strong_close':
        append('**');
        break;
      case 'em_open':
      case 'em_close':
        append('_');
        break;
      case 'link_open':
        // markdown-it has already refused unsafe schemes (javascript:, data:…).
        hrefs.push(String(child.attrGet('href') ?? '').replace(/\(/g, '%28').replace(/\)/g, '%29'));
        append('[');
        break;
      case 'link_close':
        append(`](${hrefs.pop() ?? ''})`);
        break;
      case 'softbreak':
      case 'hardbreak':
        lines.push('');
        break;
      default:
        break;
    }
  }
  const kept = lines.map((line) => line.trim()).filter((line) => line !== '');
  return kept.length > 0 ? kept : [''];
}

function tableAsList(tokens: MarkdownToken[]): string {
  const rows: string[][] = [];
  let row: string[] | undefined;
  tokens.forEach((token, k) => {
    if (token.type === 'tr_open') row = [];
    else if (token.type === 'tr_close' && row) rows.push(row);
    else if ((token.type === 'th_open' || token.type === 'td_open') && row) row.push(inlineCardText(tokens[k + 1]).join(' '));
  });
  const [header = [], ...body] = rows;
  return body
    .map((cells) => {
      const rest = cells.slice(1).map((cell, index) => `${header[index + 1] ?? ''}: ${cell}`).join(' · ');
      return `- ${cells[0] ?? ''}${rest ? ` — ${rest}` : ''}`;
    })
    .join('\r');
}
