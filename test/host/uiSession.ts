/**
 * UI sessions in the real workbench (code-server + Debian Chromium): open the workbench with an
 * extension loaded, run palette commands, take screenshots into test-results/screenshots/.
 *
 * Run UI checks in a session of their own, not after a tests payload: when a suite finishes the
 * extension host stops and webviews go blank.
 *
 *   const ui = await openUiSession({ workspaceFolder: ws, extensionDevelopmentPath: extDir });
 *   try {
 *     await ui.runCommand('Hello: Say Hello');
 *     await ui.page.getByText('Hello from hello-ext').first().waitFor();
 *     await ui.screenshot('hello-notification');
 *   } finally {
 *     await ui.close();
 *   }
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT, launchBrowser, startCodeServer, type CodeServer, type CodeServerOptions } from './codeServer';

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');

export interface UiSessionOptions extends Omit<CodeServerOptions, 'installVsix'> {
  /** Load the extension from source, as in an Extension Development Host window. */
  extensionDevelopmentPath?: string;
  /** Or install a packaged extension (`vsce package`) into the session's extensions dir. */
  vsix?: string;
  viewport?: { width: number; height: number };
  /** How long to wait for the workbench to load and render (default 120 s: these machines are shared). */
  timeoutMs?: number;
}

export interface UiSession {
  page: Page;
  browser: Browser;
  server: CodeServer;
  /** F1, type the title, pick the row whose label is exactly `title`; reopens the palette
   * until the command shows (its list is built when it opens). Returns once the palette has
   * closed or shows the command's own quick pick (e.g. "Preferences: Color Theme"). */
  runCommand(title: string, opts?: { timeoutMs?: number }): Promise<void>;
  /** Saves test-results/screenshots/<name>.png and returns the path. */
  screenshot(name: string): Promise<string>;
  /** Closes the browser and kills code-server's process group. */
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Evaluated in the page (a string: this file is compiled without the DOM types). */
const PALETTE_DONE = `(() => {
  const widget = document.querySelector('.quick-input-widget');
  const box = widget && widget.querySelector('.quick-input-box input');
  return !widget || widget.style.display === 'none' || !box || !box.value.startsWith('>');
})()`;

export async function openUiSession(opts: UiSessionOptions): Promise<UiSession> {
  const { extensionDevelopmentPath, vsix, viewport, timeoutMs = 120_000, ...serverOpts } = opts;
  const server = await startCodeServer({ ...serverOpts, installVsix: vsix ? [vsix] : [] });
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await server.stop();
  };
  try {
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: viewport ?? { width: 1280, height: 800 } });
    const page = await context.newPage();
    const payload: Array<[string, string]> = extensionDevelopmentPath
      ? [['extensionDevelopmentPath', server.remoteUri(extensionDevelopmentPath)]]
      : [];
    // The machine may be busy: the page's load gets the same time as the workbench's first paint.
    await page.goto(server.workbenchUrl(payload), { timeout: timeoutMs });
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: timeoutMs });
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: timeoutMs });

    const runCommand = async (title: string, { timeoutMs: limit = 30_000 } = {}) => {
      const deadline = Date.now() + limit;
      const widget = page.locator('.quick-input-widget');
      const input = widget.locator('.quick-input-box input');
      for (let attempt = 1; ; attempt++) {
        if (await widget.isVisible()) await page.keyboard.press('Escape');
        await page.keyboard.press('F1');
        await input.waitFor({ state: 'visible', timeout: 10_000 });
        await input.fill(`>${title}`);
        // Exact label match: a "Focus on … View" row or a longer title may rank above it.
        const row = widget
          .locator('.monaco-list-row')
          .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(title)}\\s*$`) }) })
          .first();
        try {
          await row.waitFor({ state: 'visible', timeout: Math.min(3_000, Math.max(500, deadline - Date.now())) });
          await row.click();
          // The palette closes, or (for a command that asks something) turns into its quick pick.
          await page.waitForFunction(PALETTE_DONE, undefined, { timeout: 10_000 });
          return;
        } catch (e) {
          if (Date.now() > deadline) {
            await page.keyboard.press('Escape');
            throw new Error(`runCommand: "${title}" not found in the palette after ${attempt} attempts (${limit} ms)`, { cause: e });
          }
          await page.keyboard.press('Escape');
          await sleep(500);
        }
      }
    };

    const screenshot = async (name: string) => {
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
      // 'disabled' fast-forwards CSS transitions: notification toasts slide in over ~0.3 s.
      await page.screenshot({ path: file, animations: 'disabled' });
      return file;
    };

    return { page, browser, server, runCommand, screenshot, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Run a UI test's `main` as the process: its result is the exit code; an error escaping it is exit 2, with its message. */
export function runUiTest(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    },
  );
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
