import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { saveDecision } from '../../src/cli/decisionFiles';
import { formatProblem } from '../../src/core/problems';
import { runCli } from './fixtures/cli';
import { sampleDecisionSource } from './fixtures/sample';

/** YAML that expands to 9^6 strings through aliases: a "billion laughs" in a few hundred bytes. */
export const ALIAS_BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
  'f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
].join('\n');

/** A file a colleague shares must never crash a command: each of these is a located problem (exit 1), never "unexpected error". */
describe('hostile files are problems, not crashes', () => {
  let root: string;
  const cwd = process.cwd();
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'pushback-hostile-'));
    process.chdir(root);
  });
  afterEach(() => {
    process.chdir(cwd);
    rmSync(root, { recursive: true, force: true });
  });

  describe('the decision log', () => {
    it('reports an alias bomb, a folder named like a record and a link out of the log, and lists the rest', async () => {
      const dir = path.join(root, 'decisions');
      await saveDecision(dir, await sampleDecisionSource());
      writeFileSync(path.join(dir, '2027-01-05-bomb.md'), `---\n${ALIAS_BOMB}\n---\n`);
      mkdirSync(path.join(dir, '2027-01-06-folder.md'));
      writeFileSync(path.join(root, 'secret.md'), '---\nsecret: SECRET\n---\n');
      symlinkSync(path.join(root, 'secret.md'), path.join(dir, '2027-01-07-link.md'));
      const { code, stdout, stderr } = await runCli('decisions', '--dir', dir);
      assert.equal(code, 1);
      assert.equal(stdout.trimEnd().split('\n').length, 1, stdout);
      assert.match(stdout, /Customer self-service order-tracking portal/);
      assert.match(stderr, /2027-01-05-bomb\.md:2:1: front matter YAML error: Excessive alias count/);
      assert.match(stderr, /2027-01-06-folder\.md:1:1: is a folder, not a file/);
      assert.match(stderr, /2027-01-07-link\.md:1:1: leads outside the decision log through a symbolic link/);
      assert.doesNotMatch(stderr, /SECRET/);
      assert.match(stderr, /3 decision records could not be read\./);
    });

    it('saves beside a folder, or a link to a device, named like the record, without reading them', async () => {
      const dir = path.join(root, 'decisions');
      mkdirSync(dir);
      const name = '2027-01-04-customer-self-service-order-tracking-portal';
      mkdirSync(path.join(dir, `${name}.md`));
      symlinkSync('/dev/zero', path.join(dir, `${name}-2.md`));
      const saved = await saveDecision(dir, await sampleDecisionSource());
      assert.equal(path.basename(saved), `${name}-3.md`);
    });

    it('reports --dir naming a file', async () => {
      writeFileSync(path.join(root, 'not-a-folder'), '');
      const { code, stderr } = await runCli('decisions', '--dir', path.join(root, 'not-a-folder'));
      assert.equal(code, 1);
      assert.match(stderr, /not-a-folder:1:1: is not a folder \(name the folder/);
    });
  });

  describe("an alias bomb in a template's front matter", () => {
    let pack: string;
    beforeEach(async () => {
      pack = path.join(root, 'pack');
      assert.equal((await runCli('pack', 'new', pack, '--id', '@acme/bomb')).code, 0);
      const template = path.join(pack, 'templates/yes-and-next-steps.hbs');
      writeFileSync(template, readFileSync(template, 'utf8').replace(/^---\n/, `---\n${ALIAS_BOMB}\n`));
    });

    it('is a located problem in pack validate, draft --pack, templates --pack and pack install', async () => {
      for (const command of [
        ['pack', 'validate', pack],
        ['draft', '--pack', pack],
        ['templates', '--pack', pack],
        ['pack', 'install', pack, '--into', path.join(root, 'installed')],
      ]) {
        const run = await runCli(...command);
        assert.equal(run.code, 1, `${command.join(' ')}: ${run.stderr}`);
        assert.match(run.stderr, /yes-and-next-steps\.hbs:2:1: front matter YAML error: Excessive alias count/, command.join(' '));
      }
    });
  });

  describe('control characters from data are printed as escapes', () => {
    it('in problems: an unknown key holding terminal escapes does not clear the screen', async () => {
      const request = path.join(root, 'evil.request.yaml');
      writeFileSync(request, 'title: T\nrequester: { name: Dana }\neffortDays: 1\n"\\e[2J\\e[H\\u202eevil": 1\n');
      const { code, stderr } = await runCli('draft', '--request', request);
      assert.equal(code, 1);
      assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/.test(stderr), JSON.stringify(stderr));
      assert.match(stderr, /\\x1b\[2J\\x1b\[H\\u202eevil/);
    });

    it('in the decision log listing and in a NUL in an archive entry name', async () => {
      const dir = path.join(root, 'decisions');
      const source = await sampleDecisionSource();
      await saveDecision(dir, { ...source, input: { ...source.input, request: { ...source.input.request, title: 'Portal \u001b]0;pwned\u0007 now' } } });
      const { stdout } = await runCli('decisions', '--dir', dir);
      assert.ok(!stdout.includes('\u001b') && !stdout.includes('\u0007'), JSON.stringify(stdout));
      assert.match(stdout, /Portal \\x1b\]0;pwned\\x07 now/);
      const problem = formatProblem({ file: 'pack.zip!/a\u0000b\nc', line: 1, column: 1, path: '', message: 'refused', hint: '' });
      assert.equal(problem, 'pack.zip!/a\\x00b\\nc:1:1: refused');
    });
  });
});
