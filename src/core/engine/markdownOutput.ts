import { type MarkdownToken as Token, replyMarkdown as markdown } from './replyMarkdown';

/**
 * HTML for previews. Aligned table columns get `class="align-right"` instead of
 * markdown-it's inline `style`, so the output shows under a webview CSP that
 * allows no inline styles (email HTML, which needs inline styles, has its own renderer).
 */
export function markdownToHtml(source: string, options: { breaks?: boolean } = {}): string {
  const tokens = markdown().parse(source, {});
  for (const token of tokens) {
    const align = /text-align:(\w+)/.exec(String(token.attrGet('style') ?? ''))?.[1];
    if (align) {
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
      token.attrSet('class', `align-${align}`);
    }
  }
  return markdown().renderer.render(tokens, { ...markdown().options, breaks: options.breaks ?? markdown().options.breaks }, {});
}

/**
 * Plain text for chat boxes and plain-text email: no Markdown markers, bullets
 * as "- ", tables with aligned columns (numbers right-aligned).
 */
export function markdownToPlainText(source: string): string {
  const tokens = markdown().parse(source, {});
  const blocks: string[] = [];
  const listStack: { ordered: boolean; next: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    switch (token.type) {
      case 'heading_open':
        blocks.push(inlineText(tokens[i + 1]));
        i += 2;
        break;
      case 'paragraph_open': {
        const text = inlineText(tokens[i + 1]);
        const list = listStack[listStack.length - 1];
        if (list && tokens[i - 1]?.type === 'list_item_open') {
          const marker = list.ordered ? `${list.next++}. ` : '- ';
          const indent = '  '.repeat(listStack.length - 1);
          blocks.push(`${indent}${marker}${text.replace(/\n/g, `\n${indent}  `)}`);
        } else {
          blocks.push(text);
        }
        i += 2;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        listStack.push({ ordered: token.type === 'ordered_list_open', next: Number(token.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listStack.pop();
        break;
      case 'table_open': {
        const end = tokens.findIndex((t, k) => k > i && t.type === 'table_close');
        blocks.push(plainTable(tokens.slice(i, end)));
        i = end;
        break;
      }
      case 'hr':
        blocks.push('----');
        break;
      case 'fence':
      case 'code_block':
        blocks.push(token.content.replace(/\n$/, ''));
        break;
      default:
        break;
    }
  }
  return `${joinBlocks(blocks)}\n`;
}

/** Consecutive list items sit on adjacent lines; other blocks are separated by a blank line. */
function joinBlocks(blocks: string[]): string {
  let out = '';
  blocks.forEach((block, index) => {
    if (index > 0) out += /^\s*(- |\d+\. )/.test(block) && /^\s*(- |\d+\. )/.test(blocks[index - 1]) ? '\n' : '\n\n';
    out += block;
  });
  return out;
}

function inlineText(token: Token | undefined): string {
  if (!token?.children) return token?.content ?? '';
  return token.children
    .map((child) => {
      if (child.type === 'softbreak' || child.type === 'hardbreak') return '\n';
      if (child.type === 'image') return child.content;
      return child.type === 'text' || child.type === 'code_inline' ? child.content : '';
    })
    .join('');
}

function plainTable(tokens: Token[]): string {
  const rows: string[][] = [];
  const rightAligned: boolean[] = [];
  let row: string[] | undefined;
  tokens.forEach((token, k) => {
    if (token.type === 'tr_open') row = [];
    else if (token.type === 'tr_close' && row) rows.push(row);
    else if ((token.type === 'th_open' || token.type === 'td_open') && row) {
      if (token.type === 'th_open') rightAligned.push(String(token.attrGet('style') ?? '').includes('right'));
      row.push(inlineText(tokens[k + 1]));
    }
  });
  const widths = rows[0].map((_, column) => Math.max(...rows.map((r) => (r[column] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (rightAligned[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
