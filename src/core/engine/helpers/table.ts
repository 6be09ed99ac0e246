import type { HelperOptions } from 'handlebars';
import type { HandlebarsEnvironment } from '../templateEnvironment';

interface Cell {
  header: string;
  value: string;
  align: 'left' | 'right';
}

/**
 * A Markdown table from a list, one `{{#cell}}` per column:
 *
 *     {{#table analysis.delays}}{{#cell "Commitment"}}{{title}}{{/cell}}{{#cell "Delay" align="right"}}{{days delayWorkingDays}}{{/cell}}{{/table}}
 *
 * The header row comes from the cells' names. Pipes and line breaks inside a cell
 * are escaped, so no value from the data can break the table's shape. With
 * `limit=N` only the first N items get a row, and a last row counts the rest
 * ("…and 988 more"): a reply lists what a reader can take in, and a team with
 * thousands of commitments still renders at typing speed.
 */
export function register(handlebars: HandlebarsEnvironment): void {
  handlebars.registerHelper('table', function (this: unknown, items: unknown, options: HelperOptions) {
    const rows: Cell[][] = [];
    const all = Array.isArray(items) ? items : [];
    const limit = typeof options.hash?.limit === 'number' && options.hash.limit >= 1 ? Math.floor(options.hash.limit) : all.length;
    for (const item of all.slice(0, limit)) {
      const cells: Cell[] = [];
      const data = handlebars.createFrame(options.data);
      data.pushbackCells = cells;
      options.fn(item, { data });
      rows.push(cells);
    }
    if (rows.length === 0) return '';
    const rest = all.length - rows.length;
    if (rest > 0) rows.push(rows[0].map((cell, i) => ({ ...cell, value: i === 0 ? `…and ${rest} more` : '' })));
    return markdownTable(rows);
  });
  handlebars.registerHelper('cell', function (this: unknown, header: unknown, options: HelperOptions) {
    const cells = options.data?.pushbackCells as Cell[] | undefined;
    if (!cells) throw new Error('{{#cell}} must be used inside {{#table}}');
    const align = options.hash?.align === 'right' ? 'right' : 'left';
    cells.push({ header: String(header), value: options.fn(this).trim(), align });
    return '';
  });
}

export function markdownTable(rows: readonly Cell[][]): string {
  const columns = rows[0];
  const escape = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const line = (values: readonly string[]) => `| ${values.map(escape).join(' | ')} |`;
  return [
    line(columns.map((c) => c.header)),
    `|${columns.map((c) => (c.align === 'right' ? ' ---: ' : ' --- ')).join('|')}|`,
    ...rows.map((cells) => line(columns.map((_, i) => cells[i]?.value ?? ''))),
  ].join('\n');
}
