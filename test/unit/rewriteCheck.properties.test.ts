import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PROPOSALS } from '../../src/core/engine/replyContext';
import { checkRewrite } from '../../src/core/rewriteCheck/checkRewrite';
import { type FigureContext, figureContext } from '../../src/core/rewriteCheck/figureContext';
import { type Figure, findFigures } from '../../src/core/rewriteCheck/findFigures';
import { draftSample, loadBuiltinPack } from './fixtures/sample';

/**
 * Properties of the figure check over every reply the built-in pack renders for the
 * sample (each template, both requests, each proposal): changing any one figure is
 * caught; re-wrapping, reordering paragraphs and turning tables into lists is not.
 */

const params = { numRuns: 150, seed: 20270111 };

interface Rendered {
  name: string;
  markdown: string;
  context: FigureContext;
  figures: Figure[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

describe('figure check properties', function () {
  this.timeout(120_000);
  const replies: Rendered[] = [];

  before(async () => {
    const pack = await loadBuiltinPack();
    for (const template of pack.templates.map((t) => t.frontMatter.id)) {
      for (const request of ['northwind.request.yaml', 'northwind-small.request.yaml']) {
        for (const proposal of PROPOSALS) {
          const draft = await draftSample(template, { pack, request, proposal });
          const context = figureContext(draft.input);
          replies.push({ name: `${template} / ${request} / ${proposal}`, markdown: draft.markdown, context, figures: findFigures(draft.markdown, context.vocabulary) });
        }
      }
    }
  });

  it('catches any one figure of a rendered reply changed to another value', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 400 }), fc.boolean(), (replyPick, figurePick, step, down) => {
        const reply = replies[replyPick % replies.length];
        const figure = reply.figures[figurePick % reply.figures.length];
        const replacement = changedText(figure, down ? -step : step, reply.context);
        fc.pre(replacement !== undefined);
        const rewrite = reply.markdown.slice(0, figure.index) + replacement + reply.markdown.slice(figure.index + figure.text.length);
        const reread = findFigures(rewrite, reply.context.vocabulary).find((f) => f.index === figure.index);
        // The edit must still read as a figure of a new value (not, say, a list marker).
        fc.pre(reread !== undefined && reread.value !== figure.value);
        const result = checkRewrite(reply.markdown, rewrite, reply.context);
        assert.ok(
          result.differences.some((d) => d.kind === 'changed'),
          `${reply.name}: "${figure.text}" → "${replacement}" was not caught`,
        );
      }),
      params,
    );
  });

  it('passes a rewrite that re-wraps lines, reorders paragraphs or turns tables into lists', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 20, max: 90 }), fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), fc.boolean(), fc.boolean(), (replyPick, width, order, wrap, list) => {
        const reply = replies[replyPick % replies.length];
        let rewrite = reorderParagraphs(reply.markdown, order);
        if (list) rewrite = tablesToLists(rewrite);
        if (wrap) rewrite = rewrap(rewrite, width);
        const result = checkRewrite(reply.markdown, rewrite, reply.context);
        assert.deepEqual(result.differences, [], `${reply.name}\n---\n${rewrite}`);
      }),
      params,
    );
  });
});

/** The figure written with another value, in the same form; undefined when there is none. */
function changedText(figure: Figure, step: number, context: FigureContext): string | undefined {
  switch (figure.kind) {
    case 'name': {
      const others = context.vocabulary.names.filter((n) => n !== figure.value);
      return others[Math.abs(step) % others.length];
    }
    case 'id':
      return figure.text.replace(/\d+$/, (digits) => String(Math.max(0, Number(digits) + step)));
    case 'date': {
      const parts = /^(?:(\w{3}) )?(\d{1,2}) (\w{3})(?: (\d{4}))?$/.exec(figure.text);
      if (!parts) return undefined;
      const year = parts[4] ? Number(parts[4]) : 2027;
      const day = new Date(Date.UTC(year, MONTHS.indexOf(parts[3]), Number(parts[2]) + step));
      const words = `${parts[1] ? `${WEEKDAYS[day.getUTCDay()]} ` : ''}${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]}`;
      return parts[4] ? `${words} ${day.getUTCFullYear()}` : words;
    }
    default: {
      const number = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/.exec(figure.text);
      if (!number) return undefined;
      const value = Number(number[0].replace(/,/g, '')) + step / (number[0].includes('.') ? 10 : 1);
      if (value < 0) return undefined;
      const written = number[0].includes(',') ? value.toLocaleString('en-US', { maximumFractionDigits: 2 }) : String(Number(value.toFixed(2)));
      return figure.text.replace(number[0], written);
    }
  }
}

function reorderParagraphs(markdown: string, order: readonly number[]): string {
  const paragraphs = markdown.split(/\n{2,}/);
  for (let i = paragraphs.length - 1; i > 0; i--) {
    const j = order[i % order.length] % (i + 1);
    [paragraphs[i], paragraphs[j]] = [paragraphs[j], paragraphs[i]];
  }
  return paragraphs.join('\n\n');
}

/** Each Markdown table becomes a list: one item per row, "Header: cell" joined by semicolons. */
function tablesToLists(markdown: string): string {
  return markdown.replace(/(?:^\|.*\|[ \t]*(?:\n|$))+/gm, (table) => {
    const rows = table.trim().split('\n').map((row) => row.slice(1, -1).split('|').map((cell) => cell.trim()));
    const [header, , ...body] = rows;
    return `${body.map((cells) => `- ${cells.map((cell, i) => `${header[i]}: ${cell}`).join('; ')}`).join('\n')}\n`;
  });
}

/** Paragraphs (not tables or lists) re-flowed to `width` columns. */
function rewrap(markdown: string, width: number): string {
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(?:\||[-*] |\d+[.)] )/.test(line)) return line;
      const lines: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current && current.length + word.length + 1 > width) {
          lines.push(current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      lines.push(current);
      return lines.join('\n');
    })
    .join('\n');
}
