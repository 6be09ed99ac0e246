/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The email HTML as it arrives in a mail composer: copy it to the clipboard as
 * text/html in real Chromium, paste it into a contenteditable (what Outlook on
 * the web and Gmail compose in), and check that the figures table, its
 * right-aligned numbers and the bold emphasis survive the paste.
 *
 *   npx tsx test/ui/emailPaste.ui.ts     (needs Debian's chromium: scripts/install-test-host.sh)
 */
import assert from 'node:assert/strict';
import { launchBrowser } from '../host/codeServer';
import { markdownToPlainText } from '../../src/core/engine/markdownOutput';
import { emailHtmlFragment } from '../../src/core/outputs/emailHtml';
import { draftSample } from '../unit/fixtures/sample';

async function main(): Promise<void> {
  const draft = await draftSample('yes-and-tradeoffs');
  const html = emailHtmlFragment(draft.markdown);
  const text = markdownToPlainText(draft.markdown);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    // A page served from a local origin, so the clipboard API is available (secure context).
    await page.route('http://127.0.0.1/compose', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!DOCTYPE html><title>Compose</title><div id="compose" contenteditable="true" style="min-height:200px"></div>' }),
    );
    await page.goto('http://127.0.0.1/compose');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'http://127.0.0.1' });
    await page.evaluate(
      async ([richText, plainText]) => {
        await navigator.clipboard.write([
          new ClipboardItem({ 'text/html': new Blob([richText], { type: 'text/html' }), 'text/plain': new Blob([plainText], { type: 'text/plain' }) }),
        ]);
      },
      [html, text],
    );
    await page.locator('#compose').click();
    await page.keyboard.press('Control+V');
    await page.locator('#compose table').waitFor({ timeout: 10_000 });

    const pasted = await page.locator('#compose').evaluate((compose) => {
      const table = compose.querySelector('table');
      const rows = table ? [...table.querySelectorAll('tr')].map((row) => [...row.querySelectorAll('th,td')].map((cell) => (cell as HTMLElement).innerText.trim())) : [];
      const costCell = table?.querySelector('tr:nth-child(2) td:nth-child(5), tbody tr td:nth-child(5)') as HTMLElement | null;
      const bold = [...compose.querySelectorAll('strong, b')].map((node) => (node as HTMLElement).innerText);
      return {
        rows,
        costAlign: costCell ? getComputedStyle(costCell).textAlign : '',
        bold,
        borderCollapse: table ? getComputedStyle(table).borderCollapse : '',
        scripts: compose.querySelectorAll('script, style, link').length,
      };
    });
    assert.deepEqual(pasted.rows[0], ['Commitment', 'Was due to finish', 'Would finish', 'Slips by', 'Cost of delay', 'Deadline']);
    assert.equal(pasted.rows.length, 1 + draft.analysis.delays.length, 'one row per slipping commitment');
    assert.deepEqual(pasted.rows[1].slice(3, 5), ['9 days', '$11,700']);
    assert.equal(pasted.costAlign, 'right', 'money stays right-aligned');
    assert.equal(pasted.borderCollapse, 'collapse', 'the table keeps its inline styles');
    assert.ok(pasted.bold.includes('Customer self-service order-tracking portal'), `bold kept: ${pasted.bold.join(' | ')}`);
    assert.ok(pasted.bold.includes('Impact.'));
    assert.equal(pasted.scripts, 0);
    process.stdout.write(`email paste: ${pasted.rows.length - 1} table rows, ${pasted.bold.length} bold runs survived the paste\n1 passed, 0 failed\n`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  process.stderr.write(`email paste: FAILED: ${error instanceof Error ? error.message : String(error)}\n0 passed, 1 failed\n`);
  process.exitCode = 1;
});
