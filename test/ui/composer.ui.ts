/**
 * UI test of the composer in the real workbench (VS Code 1.100.3 from code-server, driven by
 * Debian's Chromium; see test/host/uiSession.ts): open notes.md, open the composer from the
 * palette, fill in the request, wait for the live preview, insert the reply at the cursor and
 * check the file. Screenshots of the composer in a light and a dark theme go to
 * test-results/screenshots/.
 *
 *   npx tsx test/ui/composer.ui.ts                  # the extension from source (needs npm run build)
 *   npx tsx test/ui/composer.ui.ts --vsix pushback.vsix   # the packaged extension, installed
 *   npx tsx test/ui/composer.ui.ts --update-media   # also refresh media/screenshot-composer.png
 *
 * Exit code 0 when every step passes, 1 when one fails (its screenshot is saved as *-failure.png).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { FrameLocator, Page } from 'playwright-core';
import { REPO_ROOT } from '../host/codeServer';
import { copyFixtureWorkspace } from '../host/integrationSuites';
import { openUiSession, runUiTest, type UiSession } from '../host/uiSession';

const LIGHT = 'Default Light Modern';
const DARK = 'Default Dark Modern';
const README_SCREENSHOT = path.join(REPO_ROOT, 'media', 'screenshot-composer.png');

const REQUEST = {
  title: 'Visitor Wi-Fi for the new office',
  requesterName: 'Dana Whitfield',
  requesterTitle: 'VP Sales',
  effortDays: '4',
  neededBy: '2027-01-29',
  costOfDelayPerWeek: '500',
  outcome: 'welcome guests without a helpdesk ticket',
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The composer's page: webviews are an iframe (the host page) holding the extension's iframe. */
function composerFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview[src*="extensionId=pushback.pushback"]').frameLocator('iframe#active-frame');
}

async function run(ui: UiSession, workspace: string, { vsix, updateMedia }: { vsix?: string; updateMedia: boolean }): Promise<void> {
  const { page } = ui;
  const prefix = vsix ? 'vsix-' : '';
  const shots: Record<string, string> = {};
  // The composer's strict CSP must not block anything of its own (a blocked script or style shows here).
  const blocked: string[] = [];
  page.on('console', (message) => {
    const { url, lineNumber } = message.location();
    if (!/webview|vscode-cdn\.net|vscode-resource/.test(url)) return; // the workbench's own page
    const text = `${message.text().split('. ')[0].replace(/'nonce-[^']+'/g, "'nonce-…'")} (${path.basename(url)}:${lineNumber})`;
    if (/Content Security Policy|Refused to (load|execute|apply)/i.test(text) && !blocked.includes(text)) blocked.push(text);
  });

  await step('the Pushback activity bar item appears', async () => {
    await page.locator('.activitybar a[aria-label^="Pushback"]').waitFor({ timeout: 30_000 });
  });

  await step('open notes.md with the cursor on the empty line under "Reply to Dana below:"', async () => {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.fill('notes.md:4');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'notes.md' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab', { hasText: 'notes.md' }).waitFor();
    await page.locator('.monaco-editor .view-lines', { hasText: 'Reply to Dana below:' }).waitFor();
  });

  const composer = composerFrame(page);
  await step('run "Pushback: Open Composer" and wait for its form', async () => {
    await ui.runCommand('Pushback: Open Composer');
    await composer.locator('#field-title').waitFor({ timeout: 30_000 });
  });

  await step('choose the workspace team as capacity data', async () => {
    const select = composer.locator('#field-capacityFile');
    await select.click();
    // The dropdown is in the element's shadow root; Playwright's CSS pierces open shadow roots.
    await select.locator('.option', { hasText: 'team.capacity.yaml' }).click();
    const chosen = await select.evaluate((el) => (el as unknown as { value: string }).value);
    assert.equal(path.basename(chosen), 'team.capacity.yaml');
  });

  await step('fill in the request (typing into the vscode-textfield inputs)', async () => {
    const title = composer.locator('#field-title input');
    await title.click();
    await title.pressSequentially(REQUEST.title, { delay: 5 });
    for (const field of ['requesterName', 'requesterTitle', 'effortDays', 'neededBy', 'costOfDelayPerWeek'] as const) {
      await composer.locator(`#field-${field} input`).fill(REQUEST[field]);
    }
    await composer.locator('#field-outcome textarea').fill(REQUEST.outcome);
  });

  await step('the preview shows the reply, and the analysis the chosen team', async () => {
    await composer.locator('#preview', { hasText: REQUEST.title }).waitFor({ timeout: 10_000 });
    await composer.locator('#preview', { hasText: 'Hi Dana,' }).waitFor();
    await composer.locator('#analysis h2', { hasText: 'Integration Test Team' }).waitFor();
    assert.equal(await composer.locator('#problems .problem').count(), 0, 'the composer shows problems');
  });

  await step('click "Insert at cursor": the reply lands in notes.md at the cursor', async () => {
    await composer.locator('vscode-button[data-action="insert"]').click();
    await page.locator('.monaco-editor .view-lines', { hasText: 'Hi Dana,' }).waitFor({ timeout: 10_000 });
    // Read what the editor holds through the file: save it from the palette, then read it from disk.
    await page.locator('.tabs-container .tab', { hasText: 'notes.md' }).click();
    await ui.runCommand('File: Save');
    const file = path.join(workspace, 'notes.md');
    const deadline = Date.now() + 10_000;
    while (!fs.readFileSync(file, 'utf8').includes('Hi Dana,') && Date.now() < deadline) await sleep(100);
    const text = fs.readFileSync(file, 'utf8');
    const after = text.slice(text.indexOf('Reply to Dana below:\n') + 'Reply to Dana below:\n'.length);
    assert.ok(after.startsWith(`Hi Dana,\n\nYes — we can take on **${REQUEST.title}**`), `notes.md after the insert:\n${text.slice(0, 400)}`);
    assert.ok(text.startsWith('# Notes for the stakeholder meeting\n'), 'the text before the cursor changed');
    assert.ok(text.endsWith('\nThanks.\n'), 'the text after the cursor changed');
  });

  await step('screenshots in the light theme', async () => {
    await widenSideBar(page);
    Object.assign(shots, await composerScreenshots(ui, composer, `${prefix}composer-light`));
  });

  await step('screenshots in the dark theme', async () => {
    await setColorTheme(ui, DARK);
    Object.assign(shots, await composerScreenshots(ui, composer, `${prefix}composer-dark`));
  });

  await step('"This template asks": the CIO note asks for the briefing date (a date field) and the decision record (a checkbox, by keyboard)', async () => {
    const select = composer.locator('#field-templateId');
    await select.click();
    // The list can open past the side-bar pane's edge, where another view takes the clicks.
    await select.locator('.option', { hasText: 'Inform the CIO' }).dispatchEvent('click');
    const date = composer.locator('#template-field-briefingDate input');
    await date.waitFor({ timeout: 10_000 });
    assert.equal(await date.getAttribute('type'), 'date');
    assert.equal((await composer.locator('vscode-label[for="template-field-briefingDate"]').textContent())?.trim(), 'Date of your next briefing with the CIO');
    await date.fill('2027-01-08');
    await composer.locator('#preview', { hasText: 'briefing on Fri 8 Jan 2027' }).waitFor({ timeout: 10_000 });
    await composer.locator('#template-field-attachDecisionRecord').focus();
    await page.keyboard.press('Space');
    await composer.locator('#preview', { hasText: 'The decision record, with every figure behind this note, is attached.' }).waitFor({ timeout: 10_000 });
  });

  await step('the webview reported no Content Security Policy violation', async () => {
    assert.deepEqual(blocked, [], `blocked by the composer's CSP:\n${blocked.join('\n')}`);
  });

  if (updateMedia) {
    fs.copyFileSync(shots[`${prefix}composer-light`], README_SCREENSHOT);
    console.log(`  updated ${path.relative(REPO_ROOT, README_SCREENSHOT)}`);
  }
  console.log(`  screenshots: ${Object.values(shots).map((f) => path.relative(REPO_ROOT, f)).join(', ')}`);
}

/** A wider side bar shows the composer as people use it (the default 300 px wraps every figure). */
async function widenSideBar(page: Page): Promise<void> {
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  if (!sidebar) return;
  const x = sidebar.x + sidebar.width;
  const y = sidebar.y + sidebar.height / 2;
  await page.mouse.move(x - 1, y);
  await page.mouse.down();
  await page.mouse.move(x + 160, y, { steps: 8 });
  await page.mouse.up();
  await sleep(300);
}

/**
 * Three pictures of the workbench: the form (…-form), the analysis (the README's picture) and
 * the reply preview (…-reply). Returns the files by name.
 */
async function composerScreenshots(ui: UiSession, composer: FrameLocator, name: string): Promise<Record<string, string>> {
  const views: [string, string][] = [[`${name}-form`, '#app'], [name, '#analysis'], [`${name}-reply`, 'section.preview']];
  const files: Record<string, string> = {};
  for (const [file, anchor] of views) {
    await composer.locator(anchor).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await ui.page.mouse.move(0, 0); // no hover highlight in the picture
    await sleep(400);
    files[file] = await ui.screenshot(file);
  }
  return files;
}

/** Changes the theme the way a user does (Preferences: Color Theme) and waits for the workbench and the webview to repaint. */
async function setColorTheme(ui: UiSession, theme: string): Promise<void> {
  const { page } = ui;
  await ui.runCommand('Preferences: Color Theme');
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-box input').fill(theme);
  await widget.locator('.monaco-list-row', { hasText: theme }).first().click();
  await widget.waitFor({ state: 'hidden' });
  const kind = theme === DARK ? 'vs-dark' : 'vs';
  await page.locator(`.monaco-workbench.${kind}`).waitFor({ timeout: 15_000 });
  await composerFrame(page).locator(`body.vscode-${kind === 'vs' ? 'light' : 'dark'}`).waitFor({ timeout: 15_000 });
}

let failedStep: string | undefined;
async function step(name: string, body: () => Promise<void>): Promise<void> {
  const started = Date.now();
  try {
    await body();
    console.log(`  ✔ ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failedStep = name;
    console.log(`  ✘ ${name} (${Date.now() - started} ms)`);
    throw error;
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause ? `${error.stack ?? error.message}\ncaused by: ${describeError(error.cause)}` : (error.stack ?? error.message);
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { vsix: { type: 'string' }, 'update-media': { type: 'boolean' } } });
  const vsix = values.vsix ? path.resolve(values.vsix) : undefined;
  if (vsix && !fs.existsSync(vsix)) throw new Error(`--vsix ${vsix}: no such file (build it with vsce package)`);
  if (!vsix && !fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build`');

  const started = Date.now();
  const workspace = copyFixtureWorkspace();
  console.log(`composer UI test (${vsix ? `installed ${path.basename(vsix)}` : 'extension from source'})`);
  let ui: UiSession | undefined;
  try {
    ui = await openUiSession({
      workspaceFolder: workspace.folder,
      ...(vsix ? { vsix } : { extensionDevelopmentPath: REPO_ROOT }),
      settings: { 'workbench.colorTheme': LIGHT },
      viewport: { width: 1280, height: 800 },
    });
    await run(ui, workspace.folder, { vsix, updateMedia: Boolean(values['update-media']) });
    console.log(`composer UI test: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } catch (error) {
    if (ui) {
      const shot = await ui.screenshot(`${vsix ? 'vsix-' : ''}composer-failure`).catch(() => undefined);
      if (shot) console.log(`  failure screenshot: ${path.relative(REPO_ROOT, shot)}`);
    }
    console.error(`composer UI test: FAILED${failedStep ? ` at "${failedStep}"` : ''} after ${((Date.now() - started) / 1000).toFixed(1)} s\n${describeError(error)}`);
    return 1;
  } finally {
    await ui?.close();
    workspace.dispose();
  }
}

runUiTest('composer UI test', main);
