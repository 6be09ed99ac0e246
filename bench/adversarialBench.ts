/**
 * Inputs built to hurt (issue 9's attack classes and their cousins), each at most
 * 1 MB (1,048,576 bytes) unless the attack is its size: how long Pushback takes on
 * them, per MB, against JSON.parse of a JSON text holding the same bytes. The goal
 * is that no input of 1 MB or less takes over a second, and that the ratio stays small.
 */
import { analyze } from '../src/core/model/analyze';
import { memoryFileSystem } from '../src/core/fileSystem';
import { importJiraCsv } from '../src/core/load/jiraCsv';
import { loadCapacity, loadRequest } from '../src/core/load/loadData';
import { readCommitmentsCsv, readMembersCsv } from '../src/core/load/pushbackCsv';
import { renderReply } from '../src/core/engine/renderReply';
import { buildAdaptiveCard } from '../src/core/outputs/adaptiveCard';
import { parseStakeholderText } from '../src/core/selection/parseStakeholderText';
import type { CompiledTemplate } from '../src/core/engine/compileTemplate';
import type { Capacity } from '../src/core/schema/capacity';
import { requestSchema } from '../src/core/schema/request';

const MB = 1024 * 1024;

interface Attack {
  name: string;
  text: string;
  run: (text: string) => unknown;
}

/** `head`, as many lines of `line(i)` as fit, and `tail`: at most `bytes` bytes in all. */
function fill(bytes: number, line: (i: number) => string, head = '', tail = ''): string {
  const parts = [head];
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (let i = 0; ; i++) {
    const next = line(i);
    const length = Buffer.byteLength(next);
    if (size + length > bytes) break;
    parts.push(next);
    size += length;
  }
  parts.push(tail);
  return parts.join('');
}

/** `open` then `close`, each as often as fits in `bytes` between `head` and `tail`. */
function nest(bytes: number, head: string, open: string, close: string, tail = ''): string {
  const count = Math.floor((bytes - head.length - tail.length) / (open.length + close.length));
  return `${head}${open.repeat(count)}${close.repeat(count)}${tail}`;
}

const capacityHead = '{"team": "T", "horizon": {"start": "2027-01-04", "end": "2027-03-26"}, "members": [{"name": "A"}],\n';

function attacks(template: CompiledTemplate, capacity: Capacity): Attack[] {
  const load = (file: string) => (text: string) => loadCapacity(memoryFileSystem({ [file]: text }), file);
  const loadReq = (file: string) => (text: string) => loadRequest(memoryFileSystem({ [file]: text }), file);
  const reply = (title: string) => {
    const request = requestSchema.parse({ title, requester: { name: 'Dana' }, effortDays: 10 });
    const input = { request, capacity, analysis: analyze(capacity, request), today: '2027-01-04' };
    const markdown = renderReply(template, input);
    return { input, markdown: markdown.ok ? markdown.value : '' };
  };
  return [
    {
      name: 'capacity: horizon 0000–9999, 2,000 members away across it',
      text: `{"team": "T", "horizon": {"start": "0000-01-03", "end": "9999-12-31"}, "members": [${Array.from({ length: 2_000 }, (_, i) => `{"name": "M${i}", "timeOff": [{"from": "0000-01-03", "to": "9999-12-31"}]}`).join(',\n')}]}`,
      run: load('/w/c.capacity.json'),
    },
    {
      name: 'capacity: 10-year horizon, 1,000 members away, request neededBy 9999',
      text: JSON.stringify({
        team: 'T',
        horizon: { start: '0000-01-03', end: '0009-12-31' },
        members: Array.from({ length: 1_000 }, (_, i) => ({ name: `M${i}`, allocation: 0.5, timeOff: [{ from: '0000-01-03', to: '9999-12-31' }, { from: '0003-01-01', to: '0004-01-01' }] })),
      }),
      run: async (text) => {
        const loaded = await load('/w/c.capacity.json')(text);
        if (loaded.ok) analyze(loaded.value, requestSchema.parse({ title: 'X', requester: { name: 'A' }, effortDays: 10, neededBy: '9999-12-31' }));
      },
    },
    { name: 'YAML: unknown keys', text: fill(MB, (i) => `extra${i}: 1\n`, 'title: X\nrequester: {name: A}\neffortDays: 1\n'), run: loadReq('/w/r.request.yaml') },
    { name: 'YAML: one mapping of distinct keys (duplicate check)', text: fill(MB, (i) => `  k${i}: 1\n`, 'title: X\nrequester: {name: A}\neffortDays: 1\nx:\n'), run: loadReq('/w/r.request.yaml') },
    { name: 'YAML: repeated keys', text: fill(MB, () => 'title: X\n'), run: loadReq('/w/r.request.yaml') },
    { name: 'JSON: bad values', text: fill(MB, (i) => `${i ? ',' : ''}{"id": "C${i}", "title": "T", "effortDays": "lots", "rank": 1}\n`, `${capacityHead}"commitments": [`, ']}'), run: load('/w/c.capacity.json') },
    { name: 'JSON: repeated keys', text: fill(MB, (i) => `${i ? ',' : ''}"focusFactor": 0.5\n`, '{', '}'), run: load('/w/c.capacity.json') },
    { name: 'JSON: syntax errors', text: fill(MB, () => '1 ', '[', ']'), run: load('/w/c.capacity.json') },
    { name: 'JSON: nested brackets', text: nest(MB, '{"a": ', '[', ']', '}'), run: load('/w/c.capacity.json') },
    { name: 'YAML: nested flow brackets', text: nest(MB, 'a: ', '[', ']'), run: load('/w/c.capacity.yaml') },
    { name: 'YAML: nested block items', text: fill(MB, () => '- ', '', '1\n'), run: load('/w/c.capacity.yaml') },
    { name: 'YAML: alias fan-out', text: fill(MB, (i) => `k${i}: [*a, *a, *a, *a, *a, *a, *a, *a]\n`, 'a: &a [x, x, x, x, x, x, x, x]\n'), run: load('/w/c.capacity.yaml') },
    // The largest YAML still read (MAX_YAML_ENTRIES lines, or items in one list): the yaml library's own speed.
    { name: 'YAML: 9,990 unknown keys (the most lines a YAML file may have)', text: `title: X\nrequester: {name: A}\neffortDays: 1\n${Array.from({ length: 9_990 }, (_, i) => `extra${i}: 1\n`).join('')}`, run: loadReq('/w/r.request.yaml') },
    { name: 'YAML: a list of 9,990 aliases (the most items a YAML file may have)', text: `title: X\nrequester: {name: A}\neffortDays: 1\na: &a x\nx: [${'*a, '.repeat(9_990)}*a]\n`, run: loadReq('/w/r.request.yaml') },
    { name: 'capacity: 1,000,000 members (20 MB)', text: fill(20 * MB, (i) => `${i ? ',' : ''}{"name": "M${i}"}\n`, '{"team": "T", "horizon": {"start": "2027-01-04", "end": "2027-03-26"}, "members": [', ']}'), run: load('/w/c.capacity.json') },
    { name: 'capacity: 1 MB of members (over the 1,000 cap)', text: fill(MB, (i) => `${i ? ',' : ''}{"name": "M${i}", "allocation": 0.5}\n`, '{"team": "T", "horizon": {"start": "2027-01-04", "end": "2027-03-26"}, "members": [', ']}'), run: load('/w/c.capacity.json') },
    { name: 'CSV: nameless columns over many rows', text: `name${','.repeat(MB / 4)}\n${'a\n'.repeat(MB / 4)}`, run: (text) => readMembersCsv('/w/m.csv', text) },
    { name: 'CSV: 20,000 short rows under 5,000 columns (the most rows a CSV may have)', text: `id,title,effortDays,rank${','.repeat(5_000)}\n${'a\n'.repeat(20_000)}`, run: (text) => readCommitmentsCsv('/w/w.csv', text) },
    { name: 'CSV: members with bad numbers', text: fill(MB, (i) => `M${i},lots\n`, 'name,allocation\n'), run: (text) => readMembersCsv('/w/m.csv', text) },
    { name: 'Jira CSV: issues', text: fill(MB, (i) => `ABC-${i},Summary ${i},${i % 5},12/Jan/27 5:00 PM,To Do,,Sprint ${i % 3},,\n`, 'Issue key,Summary,Story Points,Due date,Status,Resolution,Sprint,Sprint,Labels\n'), run: (text) => importJiraCsv('/w/j.csv', text, { daysPerPoint: 1 }) },
    { name: 'reply: title with long runs of spaces', text: fill(MB, () => `${' '.repeat(1_000)}x`), run: (text) => reply(text) },
    { name: 'Teams card: title of newlines', text: '\n'.repeat(MB - 2), run: (text) => buildAdaptiveCard({ ...reply(`a${text}b`), frontMatter: template.frontMatter }) },
    { name: 'selection: pasted email of repeated words', text: fill(MB, (i) => (i % 50 === 49 ? 'by Friday.\n' : 'Could you also deliver the portal ')), run: (text) => parseStakeholderText(text, { today: '2027-01-04' }) },
  ];
}

function timeMs(fn: () => unknown, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

async function timeAsyncMs(fn: () => unknown, runs: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Times every attack, or only those whose name contains `only` (case-insensitive).
 * `overOneSecond` is set on an input of at most 1,048,576 bytes that took over a second.
 */
export async function benchAdversarial(template: CompiledTemplate, capacity: Capacity, only = '') {
  const results = [];
  for (const attack of attacks(template, capacity).filter((a) => a.name.toLowerCase().includes(only.toLowerCase()))) {
    const bytes = Buffer.byteLength(attack.text);
    const json = JSON.stringify({ text: attack.text });
    const jsonParseMs = timeMs(() => JSON.parse(json), 5);
    const ms = await timeAsyncMs(() => attack.run(attack.text), 3);
    results.push({
      attack: attack.name,
      bytes,
      megabytes: round(bytes / MB, 2),
      ms: round(ms),
      msPerMB: round(ms / (bytes / MB)),
      jsonParseMs: round(jsonParseMs, 2),
      jsonParseMsPerMB: round(jsonParseMs / (bytes / MB), 2),
      ratioToJsonParse: round(ms / jsonParseMs),
      oneMBOrLess: bytes <= MB,
      overOneSecond: bytes <= MB && ms > 1000,
    });
  }
  return results;
}

/** The built-in pack's default template and the sample team, which the reply attacks render with. */
export async function adversarialFixture(): Promise<{ template: CompiledTemplate; capacity: Capacity }> {
  const { loadPack } = await import('../src/core/pack/loadPack');
  const { builtinPackDir, builtinSample } = await import('../src/node/builtinPack');
  const { nodeFileSystem } = await import('../src/node/nodeFileSystem');
  const pack = await loadPack(nodeFileSystem, builtinPackDir());
  const capacity = await loadCapacity(nodeFileSystem, builtinSample().capacityFile);
  const template = pack.ok ? pack.value.templates.find((t) => t.frontMatter.id === 'yes-and-tradeoffs') : undefined;
  if (!template || !capacity.ok) throw new Error('the built-in pack or sample does not load');
  return { template, capacity: capacity.value };
}

if (require.main === module) {
  void adversarialFixture()
    // `npx tsx bench/adversarialBench.ts csv` times only the attacks whose name holds "csv".
    .then(({ template, capacity }) => benchAdversarial(template, capacity, process.argv[2]))
    .then((results) => process.stdout.write(`${JSON.stringify(results, null, 2)}\n`));
}
