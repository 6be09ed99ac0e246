/**
 * The composer's webview is not kept alive when hidden: when it is shown again, the page
 * must show the draft as it was typed (from the DraftStore and the webview's own state).
 * This checks what the reopened page shows, in the real workbench, waiting on the page's
 * own fields rather than sleeping.
 *
 *   npx tsx test/ui/composerPersistence.ui.ts      (needs npm run build)
 */
import assert from 'node:assert/strict';
import type { FrameLocator, Locator } from 'playwright-core';
import { REPO_ROOT } from '../host/codeServer';
import { copyFixtureWorkspace } from '../host/integrationSuites';
import { openUiSession, runUiTest, type UiSession } from '../host/uiSession';

const DRAFT = { title: 'Visitor Wi-Fi for the new office', requesterName: 'Dana Whitfield', effortDays: '4' };
/** Generous: these machines are shared; nothing here measures speed. */
const PATIENCE_MS = 60_000;

function composerFrame(ui: UiSession): FrameLocator {
  return ui.page.frameLocator('iframe.webview[src*="extensionId=pushback.pushback"]').frameLocator('iframe#active-frame');
}

/** Wait until the field shows `expected` (the page's own signal), failing with what it showed last. */
async function waitForValue(field: Locator, expected: string, what: string): Promise<void> {
  const deadline = Date.now() + PATIENCE_MS;
  let last = '';
  while (Date.now() < deadline) {
    last = await field.inputValue({ timeout: PATIENCE_MS }).catch(() => last);
    if (last === expected) return;
    await field.page().waitForTimeout(100);
  }
  assert.fail(`${what}: showed "${last}", not "${expected}"`);
}

async function run(ui: UiSession): Promise<void> {
  await ui.page.locator('.activitybar a[aria-label^="Pushback"]').waitFor({ timeout: PATIENCE_MS });
  await ui.runCommand('Pushback: Open Composer');
  let composer = composerFrame(ui);
  await composer.locator('#field-title input').waitFor({ timeout: PATIENCE_MS });
  for (const [field, value] of Object.entries(DRAFT)) await composer.locator(`#field-${field} input`).fill(value);
  await composer.locator('#preview', { hasText: 'Hi Dana,' }).waitFor({ timeout: PATIENCE_MS });
  console.log('  ✔ typed a draft; the preview shows the reply');

  await ui.runCommand('View: Close Primary Side Bar');
  await ui.page.locator('iframe.webview[src*="extensionId=pushback.pushback"]').waitFor({ state: 'detached', timeout: PATIENCE_MS });
  console.log('  ✔ closed the side bar: the composer page is gone');

  await ui.runCommand('Pushback: Open Composer');
  composer = composerFrame(ui);
  for (const [field, value] of Object.entries(DRAFT)) await waitForValue(composer.locator(`#field-${field} input`), value, `the reopened composer's ${field}`);
  await composer.locator('#preview', { hasText: DRAFT.title }).waitFor({ timeout: PATIENCE_MS });
  await composer.locator('#preview', { hasText: 'Hi Dana,' }).waitFor({ timeout: PATIENCE_MS });
  console.log('  ✔ reopened: the page shows the same draft and its reply');
}

async function main(): Promise<number> {
  const workspace = copyFixtureWorkspace();
  let ui: UiSession | undefined;
  try {
    console.log('composer persistence UI test');
    ui = await openUiSession({ workspaceFolder: workspace.folder, extensionDevelopmentPath: REPO_ROOT });
    await run(ui);
    console.log('composer persistence UI test: passed');
    return 0;
  } catch (error) {
    const shot = await ui?.screenshot('composer-persistence-failure').catch(() => undefined);
    console.error(`composer persistence UI test: FAILED${shot ? ` (screenshot ${shot})` : ''}\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    await ui?.close();
    workspace.dispose();
  }
}

runUiTest('composer persistence UI test', main);
