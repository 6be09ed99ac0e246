import { openUiSession } from '../host/uiSession';
import { composerFrame, sleep } from './composerPage';
import { REPO_ROOT } from '../host/codeServer';

async function main() {
  const ui = await openUiSession({ workspaceFolder: '/tmp/manual-ws', extensionDevelopmentPath: REPO_ROOT, viewport: { width: 1440, height: 900 } });
  const { page } = ui;
  try {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget .quick-input-box input').fill('notes.md:4');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'notes.md' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines', { hasText: 'Reply to Maria' }).waitFor();
    // Mouse: the activity bar, then "Open Composer" in the side bar's tree.
    await page.locator('.activitybar a[aria-label^="Pushback"]').click();
    await page.locator('.monaco-list-row', { hasText: 'Open Composer' }).click();
    const c = composerFrame(page);
    await c.locator('#field-title').waitFor({ timeout: 60000 });
    console.log('capacity options:', await c.locator('#field-capacityFile option').allTextContents());
    await c.locator('#field-title').click();
    await page.keyboard.type('Self-service password reset');
    await c.locator('#field-requesterName').click();
    await page.keyboard.type('Maria Lopez');
    await c.locator('#field-requesterTitle').click();
    await page.keyboard.type('CFO');
    await c.locator('#field-effortDays').click();
    await page.keyboard.type('15');
    await c.locator('#field-neededBy').click();
    await page.keyboard.type('2027-02-26');
    await c.locator('#preview', { hasText: 'Self-service password reset' }).waitFor({ timeout: 30000 });
    // Mouse: pick Descope, then the Teams preview.
    await c.locator('#field-proposal label', { hasText: 'Descope' }).click();
    await sleep(1500);
    await page.screenshot({ path: '/tmp/manual-1.png' });
    await c.locator('#preview-mode label', { hasText: 'Teams card' }).click();
    await c.locator('#preview .teams-card').waitFor();
    await sleep(1000);
    await c.locator('.preview-column').evaluate((el) => el.scrollTo(0, 400));
    await page.screenshot({ path: '/tmp/manual-2.png' });
    await c.locator('button[data-action="copyText"]').click();
    await c.locator('#action-status', { hasText: 'plain text' }).waitFor();
    console.log('status:', await c.locator('#action-status').textContent());
    await c.locator('button[data-action="insert"]').click();
    await page.locator('.monaco-editor .view-lines', { hasText: 'Hi Maria' }).waitFor({ timeout: 20000 });
    await sleep(1000);
    await page.screenshot({ path: '/tmp/manual-3.png' });
    // Reload the window: the composer comes back.
    const t = Date.now();
    await page.reload();
    await composerFrame(page).locator('#figures dd').first().waitFor({ timeout: 90000 });
    console.log('reload → figures', Date.now() - t, 'ms');
    await sleep(1500);
    await page.screenshot({ path: '/tmp/manual-4.png' });
  } finally {
    await ui.close();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
