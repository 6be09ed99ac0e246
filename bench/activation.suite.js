/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file the extension host loads as a tests payload */
// Loaded by the extension host as a "tests" payload: activates Pushback once and
// records how long `activate` took. Run 5 times in fresh hosts by bench/extensionBench.ts.
const { performance } = require('node:perf_hooks');
const { writeFileSync } = require('node:fs');

exports.run = async function run() {
  const vscode = require('vscode');
  const extension = vscode.extensions.getExtension('pushback.pushback');
  if (!extension) throw new Error('the Pushback extension is not loaded');
  if (extension.isActive) throw new Error('Pushback was already active: the benchmark workspace must not trigger it');
  const started = performance.now();
  await extension.activate();
  writeFileSync(process.env.PUSHBACK_BENCH_OUT, JSON.stringify({ activationMs: performance.now() - started }));
};
