/**
 * UI test of the composer in the real workbench (VS Code 1.100.3 from code-server, driven by
 * Debian's Chromium; see test/host/uiSession.ts). The composer opens as an editor tab beside
 * notes.md; the request is typed in; then, with the keyboard only, every proposal × preview
 * mode is chosen and the copied Markdown, the inserted text and the preview must agree. The
 * Teams preview must show every slip row the card holds. Screenshots in the light, dark and
 * high-contrast themes at 300 px and 1,200 px go to test-results/screenshots/, each with an
 * axe-core audit (WCAG 2.1 A/AA + best practice) beside it: any violation fails the test.
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
import { markdownToHtml } from '../../src/core/engine/markdownOutput';
import { REPO_ROOT } from '../host/codeServer';
import { copyFixtureWorkspace } from '../host/integrationSuites';
import { openUiSession, runUiTest, SCREENSHOT_DIR, type UiSession } from '../host/uiSession';
import { auditComposer, composerFrame, describeViolations, setColorTheme, sizeComposer, sleep, THEMES, type ThemeKey } from './composerPage';

const README_SCREENSHOT = path.join(REPO_ROOT, 'media', 'screenshot-composer.png');

const REQUEST = {
  title: 'Visitor Wi-Fi for the new office',
  requesterName: 'Dana Whitfield',
  requesterTitle: 'VP Sales',
  effortDays: '40',
  neededBy: '2027-01-29',
  costOfDelayPerWeek: '500',
  outcome: 'welcome guests without a helpdesk ticket',
};

/** The preview's text, as a reader sees it (whitespace collapsed). */
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The text an HTML fragment shows, without a DOM: tags dropped, entities decoded. */
function htmlText(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
  return words(html.replace(/<br\s*\/?>/g, '\n').replace(/<[^>]+>/g, ' ').replace(/&(#?\w+);/g, (all, name: string) => entities[name] ?? all));
}

async function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

async function run(ui: UiSession, workspace: string, { vsix, updateMedia }: { vsix?: string; updateMedia: boolean }): Promise<void> {
  const { page } = ui;
  const prefix = vsix ? 'vsix-' : '';
  const shots: string[] = [];
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
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
  await step('run "Pushback: Open Composer": it opens as an editor tab beside notes.md', async () => {
    // Generous: on a busy machine the extensions may still be activating.
    await ui.runCommand('Pushback: Open Composer', { timeoutMs: 120_000 });
    await composer.locator('#field-title').waitFor({ timeout: 60_000 });
    await page.locator('.tabs-container .tab', { hasText: 'Pushback Composer' }).waitFor();
    // notes.md stays visible in its own group: Insert goes there.
    assert.equal(await page.locator('.editor-group-container').count(), 2, 'the composer should open beside the editor');
    assert.equal(await composer.locator('h1').count(), 1);
  });

  await step('the capacity box offers the valid workspace file first, the broken one marked, the sample last', async () => {
    const labels = await composer.locator('#field-capacityFile option').allTextContents();
    assert.equal(labels[0], 'team.capacity.yaml', labels.join(' | '));
    assert.match(labels[1], /^broken\.capacity\.json — has problems$/, labels.join(' | '));
    assert.match(labels[labels.length - 1], /^Sample team/, labels.join(' | '));
    assert.equal(path.basename(await composer.locator('#field-capacityFile').inputValue()), 'team.capacity.yaml');
  });

  await step('type the request', async () => {
    const title = composer.locator('#field-title');
    await title.click();
    await title.pressSequentially(REQUEST.title, { delay: 5 });
    for (const field of ['requesterName', 'requesterTitle', 'effortDays', 'neededBy', 'costOfDelayPerWeek', 'outcome'] as const) {
      await composer.locator(`#field-${field}`).fill(REQUEST[field]);
    }
    await composer.locator('#preview', { hasText: REQUEST.title }).waitFor({ timeout: 10_000 });
    await composer.locator('#preview', { hasText: 'Hi Dana,' }).waitFor();
    await composer.locator('#analysis h2', { hasText: 'Integration Test Team' }).waitFor();
    assert.equal(await composer.locator('#problems .problem').count(), 0, 'the composer shows problems');
    // Once the host has sent the data and the precompiled template, the page renders the preview itself.
    await composer.locator('#field-outcome').pressSequentially(' soon', { delay: 50 });
    await composer.locator('#preview', { hasText: 'ticket soon' }).waitFor();
    const renderedIn = (await composer.locator('body').evaluate(() => (globalThis as unknown as { pushbackRenderedIn: string[] }).pushbackRenderedIn.slice())) as string[];
    assert.ok(renderedIn.includes('page'), `no preview was rendered in the page: ${renderedIn.join(', ')}`);
    await composer.locator('#field-outcome').fill(REQUEST.outcome);
    await composer.locator('#preview', { hasText: 'ticket soon' }).waitFor({ state: 'detached' }).catch(() => undefined);
  });

  await step('the side bar keeps a compact entry: the draft\'s figures and "Open Composer"', async () => {
    await page.locator('.activitybar a[aria-label^="Pushback"]').click();
    const tree = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Composer' }) });
    await tree.locator('.monaco-list-row', { hasText: 'Open Composer' }).waitFor({ timeout: 10_000 });
    await tree.locator('.monaco-list-row', { hasText: 'Utilization' }).waitFor({ timeout: 10_000 });
    await ui.runCommand('View: Close Primary Side Bar');
  });

  await step('keyboard only: every proposal × preview mode — copied Markdown and inserted text equal the preview', async () => {
    const proposals = await composer.locator('#field-proposal input[type=radio]:not([disabled])').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    assert.ok(proposals.length >= 3, `available proposals: ${proposals.join(', ')}`);
    const seen = new Set<string>();
    for (let round = 0; round < proposals.length; round++) {
      // Move the proposal with the arrow keys from the checked radio (no click anywhere).
      await composer.locator('#field-proposal input:checked').focus();
      if (round > 0) await page.keyboard.press('ArrowDown');
      const proposal = await composer.locator('#field-proposal input:checked').inputValue();
      assert.ok(!seen.has(proposal), `ArrowDown did not move the proposal (still ${proposal})`);
      seen.add(proposal);
      for (const mode of ['email', 'teams'] as const) {
        await composer.locator('#preview-mode input:checked').focus();
        if ((await composer.locator('#preview-mode input:checked').inputValue()) !== mode) await page.keyboard.press('ArrowRight');
        assert.equal(await composer.locator('#preview-mode input:checked').inputValue(), mode);
        await checkCopyEqualsPreview(page, composer, proposal, mode);
      }
    }
    assert.equal(seen.size, proposals.length);
  });

  await step('the Teams preview shows as many slip rows as the card holds, and no empty column in the key figures', async () => {
    await composer.locator('#preview-mode input:checked').focus();
    if ((await composer.locator('#preview-mode input:checked').inputValue()) !== 'teams') await page.keyboard.press('ArrowRight');
    await composer.locator('#preview .teams-card').waitFor();
    await composer.locator('button[data-action="copyTeamsCard"]').focus();
    await page.keyboard.press('Enter');
    const card = await waitForClipboard(page, (text) => text.includes('"AdaptiveCard"'));
    const json = JSON.parse(card) as { body?: { type: string; rows?: unknown[] }[]; attachments?: { content: { body: { type: string; rows?: unknown[] }[] } }[] };
    const body = json.body ?? json.attachments?.[0]?.content.body ?? [];
    const table = body.find((element) => element.type === 'Table');
    assert.ok(table?.rows, 'the card has no Table of what slips');
    const slipRows = table.rows.length - 1; // less the header row
    assert.ok(slipRows > 0, 'the card lists no slips');
    const shown = await composer.locator('#preview [role="table"] [role="row"]').count();
    assert.equal(shown - 1, slipRows, `the preview shows ${shown - 1} slip rows, the card holds ${slipRows}`);
    const emptyCells = await composer.locator('#preview .ac-factset td:empty').count();
    assert.equal(emptyCells, 0, 'the key figures have an empty column');
  });

  await step('screenshots and an axe audit in light, dark and high contrast, both preview modes, at 1,200 px and 300 px', async () => {
    await ui.runCommand('View: Close Panel').catch(() => undefined);
    // The composer alone in the editor area: its width is then the window's, less the activity bar.
    await ui.runCommand('View: Single Column Editor Layout');
    await page.locator('.tabs-container .tab', { hasText: 'Pushback Composer' }).click();
    await composer.locator('#field-title').waitFor();
    const problems: string[] = [];
    for (const width of [1200, 300]) {
      await sizeComposer(ui, width);
      for (const theme of Object.keys(THEMES) as ThemeKey[]) {
        await setColorTheme(ui, theme);
        for (const mode of ['email', 'teams'] as const) {
          await composer.locator('#preview-mode input:checked').focus();
          if ((await composer.locator('#preview-mode input:checked').inputValue()) !== mode) await page.keyboard.press('ArrowRight');
          await composer.locator(mode === 'teams' ? '#preview .teams-card' : '#preview p').first().waitFor();
          await page.mouse.move(0, 0);
          await sleep(300);
          const name = `${prefix}composer-${theme}-${width}-${mode}`;
          const overflow = await composer.locator('body').evaluate((body) => body.scrollWidth - body.clientWidth);
          if (overflow > 0) problems.push(`${name}: the page is ${overflow} px wider than the panel`);
          const small = await composer.locator('.chart-label, .chart-value').evaluateAll((nodes) => nodes.filter((n) => parseFloat(getComputedStyle(n).fontSize) < 11).length);
          if (small > 0) problems.push(`${name}: ${small} chart labels under 11 px`);
          shots.push(await screenshotComposer(ui, name));
          if (width === 300) {
            await composer.locator('#analysis').evaluate((el) => el.scrollIntoView({ block: 'start' }));
            shots.push(await screenshotComposer(ui, `${name}-analysis`));
            await composer.locator('.preview-column').evaluate((el) => el.scrollIntoView({ block: 'start' }));
            shots.push(await screenshotComposer(ui, `${name}-reply`));
            await composer.locator('body').evaluate(() => window.scrollTo(0, 0));
          }
          const violations = await auditComposer(page, path.join(SCREENSHOT_DIR, `${name}.axe.json`));
          if (violations.length > 0) problems.push(`${name}:\n${describeViolations(violations)}`);
        }
      }
    }
    assert.deepEqual(problems, [], problems.join('\n'));
  });

  await step('"This template asks": the CIO note asks for the briefing date (a date field) and the decision record (a checkbox, by keyboard)', async () => {
    const select = composer.locator('#field-templateId');
    await select.selectOption({ label: await select.locator('option', { hasText: 'Inform the CIO' }).first().innerText() });
    const date = composer.locator('#template-field-briefingDate');
    await date.waitFor({ timeout: 10_000 });
    assert.equal(await date.getAttribute('type'), 'date');
    assert.equal((await composer.locator('label[for="template-field-briefingDate"]').textContent())?.trim(), 'Date of your next briefing with the CIO');
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
    fs.copyFileSync(path.join(SCREENSHOT_DIR, `${prefix}composer-light-1200-email.png`), README_SCREENSHOT);
    console.log(`  updated ${path.relative(REPO_ROOT, README_SCREENSHOT)}`);
  }
  void workspace;
  console.log(`  ${shots.length} screenshots and their axe reports in ${path.relative(REPO_ROOT, SCREENSHOT_DIR)}`);
}

async function waitForClipboard(page: Page, accept: (text: string) => boolean): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const text = await readClipboard(page);
    if (accept(text)) return text;
    if (Date.now() > deadline) throw new Error(`the clipboard never held what was copied; it holds:\n${text.slice(0, 300)}`);
    await sleep(100);
  }
}


/**
 * Copy Markdown and Insert at cursor, from the keyboard: the copy must render to the text the
 * email preview shows (in the Teams mode: hold every paragraph the card shows of the reply),
 * and the insert must put exactly the copy into notes.md.
 */
async function checkCopyEqualsPreview(page: Page, composer: FrameLocator, proposal: string, mode: 'email' | 'teams'): Promise<void> {
  const what = `${proposal} × ${mode}`;
  await composer.locator(mode === 'teams' ? '#preview .teams-card' : '#preview p').first().waitFor({ timeout: 10_000 });
  // The host has answered every change once the latest update is shown (the page tracks it for the bench).
  await composer.locator('body').evaluate(async () => {
    const w = window as unknown as { pushbackLatency: number[] };
    await new Promise((resolve) => setTimeout(resolve, 300));
    return w.pushbackLatency.length;
  });
  await page.evaluate(() => navigator.clipboard.writeText('(nothing copied yet)'));
  await composer.locator('button[data-action="copyMarkdown"]').focus();
  await page.keyboard.press('Enter');
  const markdown = await waitForClipboard(page, (text) => text !== '(nothing copied yet)');
  await composer.locator('#action-status', { hasText: 'Copied the reply as Markdown' }).waitFor({ timeout: 5_000 });
  const previewText = words((await composer.locator('#preview').textContent()) ?? '');
  if (mode === 'email') {
    assert.equal(previewText, htmlText(markdownToHtml(markdown, { breaks: true })), `${what}: the email preview differs from the copied Markdown`);
  } else {
    const reply = words((await composer.locator('#preview .teams-card').textContent()) ?? '');
    const firstLine = markdown.split('\n').find((line) => line.trim() !== '') ?? '';
    assert.ok(reply.includes(htmlText(markdownToHtml(firstLine))), `${what}: the Teams preview does not hold the copied reply's first line "${firstLine}"`);
  }
  // Insert into notes.md, from the keyboard; then undo it there so the next round starts clean.
  await composer.locator('button[data-action="insert"]').focus();
  await page.keyboard.press('Enter');
  const editor = page.locator('.editor-group-container').first().locator('.monaco-editor .view-lines');
  await editor.filter({ hasText: markdown.split('\n')[0] }).waitFor({ timeout: 10_000 });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  const notes = await waitForClipboard(page, (text) => text.startsWith('# Notes for the stakeholder meeting'));
  const after = notes.slice(notes.indexOf('Reply to Dana below:\n') + 'Reply to Dana below:\n'.length);
  assert.ok(after.startsWith(markdown), `${what}: notes.md after Insert does not hold the copied reply at the cursor:\n${after.slice(0, 300)}`);
  assert.ok(notes.replace(/\r\n/g, '\n').endsWith('\nThanks.\n') || notes.endsWith('\nThanks.'), `${what}: the text after the cursor changed`);
  await page.keyboard.press('Control+Z');
  await page.keyboard.press('Control+Z');
  await page.keyboard.press('Control+Z');
  // Back where the reply goes, then back to the composer for the next round.
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.locator('.tabs-container .tab', { hasText: 'Pushback Composer' }).click();
  await composer.locator('#field-title').waitFor();
}

/** The composer's tab only, not the whole workbench. */
async function screenshotComposer(ui: UiSession, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await ui.page.locator('iframe.webview[src*="extensionId=pushback.pushback"]').screenshot({ path: file, animations: 'disabled' });
  return file;
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
      settings: { 'workbench.colorTheme': THEMES.light.name },
      viewport: { width: 1440, height: 900 },
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
