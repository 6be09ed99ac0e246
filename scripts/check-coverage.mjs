// The unit tests' coverage gate. Every file of src/core, src/shared, src/node and src/cli
// counts (c8 --all: a file no test imports shows as 0 %, not as absent). Each layer must
// cover ≥ 90 % of its lines and ≥ 85 % of its branches. Reads the json-summary c8 wrote to
// coverage/; fails naming each layer and figure that is short.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const LAYERS = ['core', 'shared', 'node', 'cli'];
const LINES_PER_LAYER = 90;
const BRANCHES_PER_LAYER = 85;

const summary = JSON.parse(readFileSync(path.resolve('coverage', 'coverage-summary.json'), 'utf8'));
const root = path.resolve('src');
const zero = () => ({ lines: { covered: 0, total: 0 }, branches: { covered: 0, total: 0 } });
const add = (into, figures) => {
  for (const kind of ['lines', 'branches']) {
    into[kind].covered += figures[kind].covered;
    into[kind].total += figures[kind].total;
  }
};
const percent = (figures, kind) => (figures[kind].total === 0 ? 100 : (100 * figures[kind].covered) / figures[kind].total);

const failures = [];
const overall = zero();
for (const layer of LAYERS) {
  const total = zero();
  for (const [file, figures] of Object.entries(summary)) {
    if (file !== 'total' && path.resolve(file).startsWith(path.join(root, layer) + path.sep)) add(total, figures);
  }
  add(overall, total);
  console.log(`coverage src/${layer}: ${percent(total, 'lines').toFixed(2)} % of lines, ${percent(total, 'branches').toFixed(2)} % of branches`);
  if (total.lines.total === 0) failures.push(`src/${layer}: no file measured`);
  else {
    if (percent(total, 'lines') < LINES_PER_LAYER) failures.push(`src/${layer}: ${percent(total, 'lines').toFixed(2)} % of lines < ${LINES_PER_LAYER} %`);
    if (percent(total, 'branches') < BRANCHES_PER_LAYER) failures.push(`src/${layer}: ${percent(total, 'branches').toFixed(2)} % of branches < ${BRANCHES_PER_LAYER} %`);
  }
}
console.log(`coverage of the four: ${percent(overall, 'lines').toFixed(2)} % of lines, ${percent(overall, 'branches').toFixed(2)} % of branches`);
if (failures.length > 0) {
  console.error(`coverage below the gate:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
