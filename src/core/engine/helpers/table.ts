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
 * are escaped, so no value from the data can break the table's shape.
 */
export function register(handlebars: HandlebarsEnvironment): void {
  handlebars.registerHelper('table', function (this: unknown, items: unknown, options: HelperOptions) {
    const rows: Cell[][] = [];
    for (const item of Array.isArray(items) ? items : []) {
      const cells: Cell[] = [];
      const data = handlebars.createFrame(options.data);
      data.pushbackCells = cells;
      options.fn(item, { data });
      rows.push(cells);
    }
    return rows.length === 0 ? '' : markdownTable(rows);
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
