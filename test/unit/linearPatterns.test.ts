import assert from 'node:assert/strict';
import * as path from 'node:path';
import { auditRegexes } from '../../bench/regexAudit';
import { decisionSlug } from '../../src/core/decisions/decisionRecord';
import { findFigures } from '../../src/core/rewriteCheck/findFigures';
import { signatureBlock } from '../../src/core/selection/findRequester';
import { type StakeholderPrefill, parseStakeholderText, tameText } from '../../src/core/selection/parseStakeholderText';

/**
 * The patterns that read pasted text and rewritten replies, on text built to make
 * a backtracking pattern slow: long runs of blanks, commas and letters where a
 * pattern used to try every start in the run. Results are checked here; times
 * only by the regex audit's growth ratio (and in `npm run bench`), never by the clock.
 */

const today = '2027-01-06';
const fields = (text: string) => {
  const prefill: Partial<StakeholderPrefill> = parseStakeholderText(text, { today });
  delete prefill.evidence;
  delete prefill.notes;
  return prefill;
};

describe('patterns on pasted text stay linear', () => {
  it('the regex audit finds no pattern in the selection readers, the figure check or the decision log that grows faster than the text', function () {
    this.timeout(60_000);
    const root = path.resolve(__dirname, '../..');
    assert.deepEqual(
      auditRegexes(root, 2_000, ['src/core/selection/', 'src/core/rewriteCheck/', 'src/core/decisions/']).map(({ where, regex }) => `${where} ${regex}`),
      [],
    );
  });

  it('tames runs of blanks, blank lines and overlong words before any finder sees them', () => {
    const tamed = tameText(`a${' \t'.repeat(5_000)}b\n${'\n'.repeat(5_000)}c ${'x'.repeat(5_000)}\n \n`);
    assert.equal(tamed, `a b\n\nc ${'x'.repeat(64)}\n\n`);
  });

  it('splits a signature line at its separator after thousands of blanks', () => {
    const lines = ['Could you build the portal?', '', `Dana Whitfield${' '.repeat(5_000)}, VP Sales${' \t'.repeat(5_000)}|${' '.repeat(100)}Northwind`];
    assert.deepEqual(signatureBlock(lines), { index: 2, name: 'Dana Whitfield', title: 'VP Sales' });
    const noSeparator = ['Could you build the portal?', '', `Dana Whitfield${' \t'.repeat(5_000)}x`, 'VP Sales'];
    assert.deepEqual(signatureBlock(noSeparator), undefined);
  });

  it('reads the author, the ask and its end, past runs of blanks and a From: line with a 5,000-letter word', () => {
    const chat = `[10:42] Whitfield, Dana${'\t'.repeat(5_000)}(External)\nCould you build the order-tracking portal${' '.repeat(5_000)}by 12 March${' '.repeat(5_000)}please?`;
    assert.deepEqual(fields(chat), { requesterName: 'Dana Whitfield', title: 'Order-tracking portal', neededBy: '2027-03-12' });
    const email = `From: ${'x'.repeat(5_000)} <dana.whitfield@northwind.example>\nSubject: Order-tracking portal\n\nCould you build it?\n`;
    assert.equal(fields(email).requesterName, 'Dana Whitfield');
  });

  it('finds a date in a rewrite followed by thousands of commas and blanks', () => {
    const found = findFigures(`Ready on 11 January 2027${', '.repeat(5_000)}then.`);
    assert.deepEqual(
      found.filter((f) => f.kind === 'date').map((f) => [f.text, f.value]),
      [['11 January 2027', '2027-01-11']],
    );
  });

  it('makes a decision slug of a title of thousands of dashes and accents', () => {
    assert.equal(decisionSlug(`Portal for sales${' –-'.repeat(5_000)}é${'-'.repeat(5_000)}`), 'portal-for-sales-e');
    assert.equal(decisionSlug(`${'Long title words '.repeat(10)}${'-'.repeat(5_000)}`), 'long-title-words-long-title-words-long-title-words-long');
  });
});
