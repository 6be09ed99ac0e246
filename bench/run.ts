/**
 * `npm run bench`: speed figures as JSON. Times are medians of repeated runs;
 * ratios compare two things measured in the same run, which is what stays
 * meaningful on a shared, noisy machine.
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import * as path from 'node:path';
import { analyze } from '../src/core/model/analyze';
import { capacitySchema } from '../src/core/schema/capacity';
import { requestSchema } from '../src/core/schema/request';
import { loadCapacity, loadRequest } from '../src/core/load/loadData';
import { renderReply } from '../src/core/engine/renderReply';
import { replyContext } from '../src/core/engine/replyContext';
import { loadPack } from '../src/core/pack/loadPack';
import { builtinPackDir, builtinSample } from '../src/node/builtinPack';
import { nodeFileSystem } from '../src/node/nodeFileSystem';
import { syntheticCapacity } from './syntheticTeam';
import { benchActivation, bundleSizes } from './extensionBench';
import { benchKeystrokes } from './keystrokeBench';
import { benchReload } from './reloadBench';
import { benchPackLoading } from './packLoadBench';
import { adversarialFixture, benchAdversarial } from './adversarialBench';
import { auditRegexes } from './regexAudit';

/** Median wall time of `fn` in milliseconds, running it until `minMs` has passed (at least `minRuns` times). */
function medianMs(fn: () => void, minRuns = 5, minMs = 300): number {
  fn(); // warm up the JIT
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < minRuns || performance.now() - started < minMs) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
    if (samples.length > 100_000) break;
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

function benchAnalysis() {
  const request = requestSchema.parse({ title: 'Bench', requester: { name: 'R' }, effortDays: 40, rank: 10, neededBy: '2027-06-30' });
  return [10, 100, 1_000, 10_000].map((commitments) => {
    const text = JSON.stringify(syntheticCapacity(60, commitments));
    const capacity = capacitySchema.parse(JSON.parse(text));
    const parseMs = medianMs(() => JSON.parse(text));
    const analyzeMs = medianMs(() => analyze(capacity, request));
    const validateMs = medianMs(() => capacitySchema.parse(JSON.parse(text)));
    return {
      commitments,
      members: 60,
      analyzeMs: round(analyzeMs),
      jsonParseMs: round(parseMs),
      analyzeToParseRatio: round(analyzeMs / parseMs, 2),
      parseAndValidateMs: round(validateMs),
      microsecondsPerCommitment: round((analyzeMs * 1000) / commitments, 2),
    };
  });
}

/**
 * Two functions timed in alternating batches (ours, raw, ours, raw…), so drift in
 * the machine's speed (GC, other processes) hits both alike; medians of the
 * per-call mean of each batch.
 */
function interleavedMedians(ours: () => void, raw: () => void, rounds = 41, batch = 40) {
  const time = (fn: () => void) => {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) fn();
    return (performance.now() - t0) / batch;
  };
  // Warm up the JIT for both.
  for (let i = 0; i < 200; i++) {
    ours();
    raw();
  }
  const oursSamples: number[] = [];
  const rawSamples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    oursSamples.push(time(ours));
    rawSamples.push(time(raw));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { oursMs: median(oursSamples), rawMs: median(rawSamples) };
}

async function benchRendering() {
  const pack = await loadPack(nodeFileSystem, builtinPackDir());
  if (!pack.ok) throw new Error('the built-in pack does not load');
  const sample = builtinSample();
  const capacity = await loadCapacity(nodeFileSystem, sample.capacityFile);
  const request = await loadRequest(nodeFileSystem, sample.requestFile);
  if (!capacity.ok || !request.ok) throw new Error('the sample does not load');
  const input = { request: request.value, capacity: capacity.value, analysis: analyze(capacity.value, request.value), today: '2027-01-04' };
  const context = replyContext(input);
  return pack.value.templates.map((template) => {
    const { oursMs, rawMs } = interleavedMedians(() => renderReply(template, input), () => template.render(context));
    return {
      template: template.frontMatter.id,
      renderMicroseconds: round(oursMs * 1000, 1),
      rawHandlebarsMicroseconds: round(rawMs * 1000, 1),
      ratioToRawHandlebars: round(oursMs / rawMs, 2),
    };
  });
}

function benchColdStart() {
  const bin = path.resolve(__dirname, '../bin/pushback.js');
  const samples: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    const run = spawnSync(process.execPath, [bin, 'draft', '--today', '2027-01-04'], { encoding: 'utf8' });
    samples.push(performance.now() - t0);
    if (run.status !== 0) throw new Error(`pushback draft failed: ${run.stderr}`);
  }
  samples.sort((a, b) => a - b);
  const bare: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    bare.push(performance.now() - t0);
  }
  bare.sort((a, b) => a - b);
  return { draftColdStartMs: round(samples[4], 1), bareNodeStartMs: round(bare[4], 1), ratioToBareNode: round(samples[4] / bare[4], 2) };
}

async function main() {
  const analysis = benchAnalysis();
  const rendering = await benchRendering();
  const cli = benchColdStart();
  const packLoading = await benchPackLoading();
  const extension = { ...(await benchActivation()), keystrokeToPreview: await benchKeystrokes(), reloadToComposer: await benchReload(), ...bundleSizes() };
  const { template, capacity } = await adversarialFixture();
  const adversarial = await benchAdversarial(template, capacity);
  const first = analysis[0];
  const last = analysis[analysis.length - 1];
  const figures = {
    machine: { node: process.version, cpus: cpus().length },
    analysis,
    // n log n from 10 to 10,000 commitments would grow time by 1000 × log(10000)/log(10) = 4000×.
    analysisGrowth10To10000: round(last.analyzeMs / first.analyzeMs, 1),
    nLogNBound10To10000: 4000,
    rendering,
    worstRenderRatio: Math.max(...rendering.map((r) => r.ratioToRawHandlebars)),
    cli,
    packLoading,
    extension,
    // Inputs built to hurt, at most 1 MB each: the goal is none of 1 MB or less over a second.
    adversarial,
    // Of the inputs of at most 1,048,576 bytes: the slowest, and those over a second (should be none).
    adversarialSlowest: [...adversarial].filter((a) => a.oneMBOrLess).sort((a, b) => b.ms - a.ms)[0],
    adversarialOverOneSecond: adversarial.filter((a) => a.overOneSecond).map((a) => a.attack),
    // Regex literals in src/ whose time grows faster than linearly on pumped text (should be empty).
    superlinearRegexes: auditRegexes(path.resolve(__dirname, '..')),
  };
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}

void main();
