import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { ConfinementError, checkConfinedWrite } from '../core/confinedFiles';
import { loadPack } from '../core/pack/loadPack';
import { printable } from '../core/printable';
import { packConfinement } from '../core/pack/packFiles';
import { packLabel, packManifestSchema } from '../core/pack/packManifest';
import { runPackExamples } from '../core/pack/runPackExamples';
import { validatePack } from '../core/pack/validatePack';
import type { Problem } from '../core/problems';
import { unifiedDiff } from '../core/unifiedDiff';
import { exportFileName, exportPackTarball, exportPackZip } from '../node/packExport';
import { installPack, uninstallPack } from '../node/packInstall';
import { PackInstallError, shortEntry } from '../node/unpackBudget';
import { userPacksDir } from '../node/userPacksDir';
import { type Command, type CommandIo, CommandUsageError, dispatchCommand, parseCommand, printHelp, reportProblems } from './commandSupport';
import { builtinSample } from '../node/builtinPack';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { writeFileAtomic } from '../node/writeFileAtomic';
import { SCAFFOLD_TEMPLATE_ID, writeScaffoldedPack } from '../node/packScaffold';
import { PUSHBACK_VERSION } from './pushbackVersion';
import { USAGE } from './usage';

/** `pushback pack new | validate | test | export | install | uninstall`: what a team runs locally and in CI. */
export async function packCommand(args: readonly string[], rawIo: CommandIo): Promise<number> {
  // Pack commands print only messages (names, ids, versions and diffs from the pack): no control character goes out raw.
  const io: CommandIo = { ...rawIo, stdout: (text) => rawIo.stdout(printable(text)) };
  try {
    return await dispatchCommand(args, io, PACK_COMMANDS, USAGE.pack, 'pack command');
  } catch (error) {
    if (error instanceof PackInstallError) return reportProblems(io, [{ file: error.entry === undefined ? '.' : shortEntry(error.entry), line: 1, column: 1, path: '', message: error.message, hint: error.hint }]);
    throw error;
  }
}

const PACK_COMMANDS: Readonly<Record<string, Command>> = {
  new: packNew,
  validate: packValidate,
  test: packTest,
  export: packExport,
  install: packInstallCommand,
  uninstall: packUninstall,
};

function onePositional(positionals: readonly string[], usage: string, what: string): string {
  if (positionals.length !== 1) throw new CommandUsageError(`expected one ${what}`, usage);
  return positionals[0];
}

async function packNew(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommand(args, { id: { type: 'string' } }, USAGE.packNew);
  if (values.help) return printHelp(io, USAGE.packNew);
  if (positionals.length > 1) throw new CommandUsageError('expected at most one folder', USAGE.packNew);
  const dir = path.resolve(positionals[0] ?? '.');
  const id = values.id ?? `@my-team/${slug(path.basename(dir))}`;
  if (!packManifestSchema.shape.id.safeParse(id).success) throw new CommandUsageError(`--id must be a scoped, lower-case id like @acme/finance-replies, not "${id}"`, USAGE.packNew);
  const scaffolded = await writeScaffoldedPack(dir, id, { pushbackVersion: PUSHBACK_VERSION, sample: builtinSample() });
  if (!scaffolded.ok) return reportProblems(io, scaffolded.problems);
  const shown = path.relative(process.cwd(), dir) || '.';
  io.stdout(
    `Created the pack ${id} in ${shown}:\n${scaffolded.value.files.map((f) => `  ${f}\n`).join('')}` +
      `Next: edit templates/${SCAFFOLD_TEMPLATE_ID}.hbs, then run\n  pushback pack validate ${shown} && pushback pack test ${shown} --update\n`,
  );
  return 0;
}

async function packValidate(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommand(args, {}, USAGE.packValidate);
  if (values.help) return printHelp(io, USAGE.packValidate);
  if (positionals.length === 0) throw new CommandUsageError('expected the pack folder', USAGE.packValidate);
  const problems: Problem[] = [];
  for (const dir of positionals) {
    const result = await validatePack(nodeFileSystem, dir, { pushbackVersion: PUSHBACK_VERSION, sample: builtinSample() });
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const { manifest, templates } = result.value;
    io.stdout(`${dir}: ${packLabel(manifest)} is valid (${count(templates.length, 'template')}, ${count(Object.keys(manifest.partials).length, 'partial')}, ${count(manifest.examples.length, 'example')})\n`);
  }
  return problems.length > 0 ? reportProblems(io, problems, 'the pack is not valid') : 0;
}

async function packTest(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommand(args, { update: { type: 'boolean' } }, USAGE.packTest);
  if (values.help) return printHelp(io, USAGE.packTest);
  const dir = onePositional(positionals, USAGE.packTest, 'pack folder');
  const pack = await loadPack(nodeFileSystem, dir, { pushbackVersion: PUSHBACK_VERSION });
  if (!pack.ok) return reportProblems(io, pack.problems, 'no example was run');
  if (pack.value.manifest.examples.length === 0) {
    return reportProblems(io, [{ file: pack.value.manifestFile, line: 1, column: 1, path: 'examples', message: 'the pack has no examples to test', hint: 'add an example: a request, a capacity file and the expected reply for a template' }], 'nothing was tested');
  }
  const outcomes = await runPackExamples(nodeFileSystem, pack.value);
  const problems: Problem[] = [];
  let failures = 0;
  for (const outcome of outcomes) {
    const name = `${outcome.template} → ${path.relative(process.cwd(), outcome.expectedFile)}`;
    if (outcome.actual === undefined) {
      failures++;
      problems.push(...outcome.problems);
      io.stdout(`FAIL ${name}: could not render or compare (problems below)\n`);
    } else if (outcome.actual === outcome.expected) {
      io.stdout(`ok   ${name}\n`);
    } else if (values.update) {
      const written = await updateExpected(dir, outcome.expectedFile, outcome.actual);
      if (written === true) {
        io.stdout(`updated ${name}\n`);
      } else {
        failures++;
        problems.push(written);
        io.stdout(`FAIL ${name}: not updated (problems below)\n`);
      }
    } else {
      failures++;
      const diff = unifiedDiff(outcome.expected ?? '', outcome.actual, { expected: `${outcome.expectedFile}${outcome.expected === undefined ? ' (missing)' : ''}`, actual: `rendered ${outcome.template}` });
      io.stdout(`FAIL ${name}: the reply differs from the expected output\n${diff}`);
    }
  }
  if (problems.length > 0) reportProblems(io, problems, 'fix them and run the test again');
  io.stdout(`${count(outcomes.length, 'example')}: ${outcomes.length - failures} passed, ${failures} failed${failures > 0 && !values.update ? ' (after a deliberate change, run with --update and review the diff)' : ''}\n`);
  return failures > 0 ? 1 : 0;
}

/**
 * Write an example's expected reply: only to a regular file (or a new one) inside the
 * pack, reached through no link, atomically. A link in a shared pack must not turn
 * `--update` into a write to a file elsewhere.
 */
async function updateExpected(dir: string, file: string, text: string): Promise<true | Problem> {
  try {
    await writeFileAtomic(await checkConfinedWrite(nodeFileSystem, packConfinement(nodeFileSystem, dir), file), text);
    return true;
  } catch (error) {
    if (error instanceof ConfinementError) return { file, line: 1, column: 1, path: '', message: error.reason, hint: error.hint };
    return { file, line: 1, column: 1, path: '', message: `cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'})`, hint: 'check that the folder exists and is writable' };
  }
}

async function packExport(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommand(args, { out: { type: 'string' }, npm: { type: 'boolean' } }, USAGE.packExport);
  if (values.help) return printHelp(io, USAGE.packExport);
  const dir = onePositional(positionals, USAGE.packExport, 'pack folder');
  // No engines check: an author may export a pack for another Pushback version than the one at hand.
  const pack = await validatePack(nodeFileSystem, dir);
  if (!pack.ok) return reportProblems(io, pack.problems);
  if (values.npm && !(await fsp.stat(path.join(dir, 'package.json')).then(() => true, () => false))) {
    return reportProblems(io, [{ file: path.join(dir, 'package.json'), line: 1, column: 1, path: '', message: 'is missing: an npm package needs one', hint: `add {"name": "${pack.value.manifest.id}", "version": "${pack.value.manifest.version}", "keywords": ["pushback-pack"]}` }]);
  }
  const out = path.resolve(values.out ?? exportFileName(pack.value.manifest, values.npm ? 'tgz' : 'zip'));
  const exported = values.npm ? await exportPackTarball(dir, out) : await exportPackZip(dir, out);
  io.stdout(`Wrote ${path.relative(process.cwd(), out) || out} (${count(exported.files.length, 'file')}), sha256 ${exported.sha256}\n`);
  if (!values.npm) io.stdout(`Install it from a URL with: pushback pack install https://…/${path.basename(out)} --sha256 ${exported.sha256}\n`);
  return 0;
}

async function packInstallCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommand(args, { into: { type: 'string' }, sha256: { type: 'string' } }, USAGE.packInstall);
  if (values.help) return printHelp(io, USAGE.packInstall);
  const source = onePositional(positionals, USAGE.packInstall, 'source (folder, .zip, .tgz, https URL or npm package name)');
  const into = values.into ?? userPacksDir();
  const result = await installPack(source, { into, sha256: values.sha256, pushbackVersion: PUSHBACK_VERSION });
  if (!result.ok) return reportProblems(io, result.problems, 'nothing was installed; any previous version is untouched');
  const { pack, dir, previousVersion } = result.value;
  io.stdout(`Installed ${packLabel(pack.manifest)} (${count(pack.templates.length, 'template')}) into ${dir}${previousVersion ? `, replacing ${previousVersion}` : ''}\n`);
  return 0;
}

async function packUninstall(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommand(args, { into: { type: 'string' } }, USAGE.packUninstall);
  if (values.help) return printHelp(io, USAGE.packUninstall);
  const id = onePositional(positionals, USAGE.packUninstall, 'pack id');
  if (!packManifestSchema.shape.id.safeParse(id).success) throw new CommandUsageError(`"${id}" is not a pack id like @acme/finance-replies`, USAGE.packUninstall);
  const result = await uninstallPack(values.into ?? userPacksDir(), id);
  if (!result.ok) return reportProblems(io, result.problems, 'nothing was removed');
  io.stdout(`Removed ${id} from ${result.value.dir}\n`);
  return 0;
}

/** A folder name as the name part of a pack id: lower case, letters, digits and dashes. */
function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+|-+$/g, '') || 'replies';
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
