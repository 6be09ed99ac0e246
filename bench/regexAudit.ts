/**
 * Every regular-expression literal in src/, run on pumped text: long runs of one
 * character or of a pair, followed by a character that makes the match fail.
 * A regex that backtracks quadratically takes about 16 times longer on 4 times
 * the text; a linear one about 4 times. Used by `npm run bench` (and runnable on
 * its own: `npx tsx bench/regexAudit.ts`) to catch a new one before a user does.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

interface Found {
  file: string;
  line: number;
  source: string;
  regex: RegExp;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

export function regexLiterals(root: string): Found[] {
  const found: Found[] = [];
  for (const file of sourceFiles(path.join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText(source);
        const end = literal.lastIndexOf('/');
        try {
          const flags = literal.slice(end + 1).replace('y', '');
          found.push({
            file: path.relative(root, file),
            line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
            source: literal,
            regex: new RegExp(literal.slice(1, end), flags.includes('g') ? flags : `${flags}g`),
          });
        } catch {
          // A literal this runtime cannot compile is not ours to time.
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const UNITS = [' ', '\t', '\n', '\r\n', 'a', 'A', '1', '-', '.', ',', '@', '<', '(', ':', '_', '#', '|', '\\', '"', "'", '/', '=', '*', '$', '{', 'é', ' a', 'a ', '\n ', ' \n', '1 ', '- ', 'a.', 'a@', '<a', 'a-', '1.', ' -', '..', '--', '\n\n-'];
const ENDINGS = ['', '!', '\u0000', 'x', '\n'];

function timeOnce(regex: RegExp, text: string): number {
  const started = performance.now();
  regex.lastIndex = 0;
  text.replace(regex, '');
  return performance.now() - started;
}

/** The worst growth of one regex's time from `n` to 4n characters, over every pumped text. */
function worstGrowth(regex: RegExp, n: number): { ratio: number; ms: number; unit: string } {
  let worst = { ratio: 0, ms: 0, unit: '' };
  for (const unit of UNITS) {
    for (const ending of ENDINGS) {
      const small = unit.repeat(Math.ceil(n / unit.length)) + ending;
      const large = unit.repeat(Math.ceil((4 * n) / unit.length)) + ending;
      if (timeOnce(regex, large) < 2) continue; // too fast to matter at any size a file may have
      const ms = Math.min(timeOnce(regex, large), timeOnce(regex, large));
      const ratio = ms / Math.max(0.05, Math.min(timeOnce(regex, small), timeOnce(regex, small)));
      if (ms > worst.ms) worst = { ratio, ms, unit: JSON.stringify(unit + ending) };
    }
  }
  return worst;
}

const superlinear = (growth: { ratio: number; ms: number }) => growth.ratio > 8 && growth.ms > 10;

/** Regexes whose time grows faster than linearly on some pumped text, worst first; only in files whose path holds one of `only`, if given. */
export function auditRegexes(root: string, n = 2_000, only: readonly string[] = []) {
  return regexLiterals(root)
    .filter((found) => only.length === 0 || only.some((part) => found.file.includes(part)))
    .map((found) => {
      const result = { where: `${found.file}:${found.line}`, regex: found.source, ...worstGrowth(found.regex, n) };
      if (process.env.AUDIT_VERBOSE) process.stderr.write(`${result.where} ${Math.round(result.ms)}ms ×${result.ratio.toFixed(1)} ${result.unit}\n`);
      return { found, result };
    })
    // A busy machine can stall one run: a regex is reported only if it grows too fast twice more.
    .filter(({ found, result }) => superlinear(result) && [0, 1].every(() => superlinear(worstGrowth(found.regex, n))))
    .map(({ result }) => ({ ...result, ratio: Math.round(result.ratio), ms: Math.round(result.ms) }))
    .sort((a, b) => b.ms - a.ms);
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  console.log(`${regexLiterals(root).length} regex literals in src/`);
  // `npx tsx bench/regexAudit.ts findFigures selection/` audits only the files whose path holds one of the arguments.
  console.log(JSON.stringify(auditRegexes(root, 2_000, process.argv.slice(2)), null, 2));
}
