/**
 * Helpers for driving the composer (an editor-area webview panel) in the real workbench:
 * reaching its page, sizing it, switching themes, auditing it with axe-core.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import type { UiSession } from '../host/uiSession';

export const THEMES = {
  light: { name: 'Default Light Modern', workbench: 'vs', body: 'vscode-light' },
  dark: { name: 'Default Dark Modern', workbench: 'vs-dark', body: 'vscode-dark' },
  highContrast: { name: 'Default High Contrast', workbench: 'hc-black', body: 'vscode-high-contrast' },
} as const;
export type ThemeKey = keyof typeof THEMES;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const OUTER = 'iframe.webview[src*="extensionId=pushback.pushback"]';

/** The composer's page: webviews are an iframe (the host page) holding the extension's iframe. */
export function composerFrame(page: Page): FrameLocator {
  return page.frameLocator(OUTER).frameLocator('iframe#active-frame');
}

/** The page as a Frame, for evaluating scripts in it (axe). */
export async function composerPageFrame(page: Page): Promise<Frame> {
  const outer = await (await page.locator(OUTER).elementHandle())?.contentFrame();
  const inner = await (await outer?.locator('iframe#active-frame').elementHandle())?.contentFrame();
  if (!inner) throw new Error('the composer page is not loaded');
  return inner;
}

/** The composer's width on screen, in CSS pixels. */
export async function composerWidth(page: Page): Promise<number> {
  return (await page.locator(OUTER).boundingBox())?.width ?? 0;
}

/**
 * Make the composer `width` px wide: the composer alone in the editor area (side bar and panel
 * closed, other editors closed), then the browser window sized around it.
 */
export async function sizeComposer(ui: UiSession, width: number): Promise<void> {
  const { page } = ui;
  for (let attempt = 0; attempt < 4; attempt++) {
    const now = await composerWidth(page);
    if (Math.abs(now - width) <= 2) return;
    const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
    await page.setViewportSize({ width: Math.max(200, Math.round(viewport.width + width - now)), height: viewport.height });
    await sleep(400);
  }
  throw new Error(`the composer is ${await composerWidth(page)} px wide, not ${width}`);
}

/** Changes the theme the way a user does (Preferences: Color Theme) and waits for the workbench and the page to repaint. */
export async function setColorTheme(ui: UiSession, theme: ThemeKey): Promise<void> {
  const { page } = ui;
  const { name, workbench, body } = THEMES[theme];
  await ui.runCommand('Preferences: Color Theme');
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-box input').fill(name);
  await widget.locator('.monaco-list-row', { hasText: name }).first().click();
  await widget.waitFor({ state: 'hidden' });
  await page.locator(`.monaco-workbench.${workbench}`).waitFor({ timeout: 15_000 });
  await composerFrame(page).locator(`body.${body}`).waitFor({ timeout: 15_000 });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** WCAG 2.1 A/AA and best practice, on the whole page; the full result is written to `reportFile`. */
export async function auditComposer(page: Page, reportFile: string): Promise<AxeViolation[]> {
  const frame = await composerPageFrame(page);
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the debugger protocol, which the page's CSP (no unsafe-eval) does not apply to.
  await frame.evaluate(source);
  const results = (await frame.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] })`)) as {
    violations: AxeViolation[];
  };
  fs.mkdirSync(path.dirname(reportFile), { recursive: true });
  fs.writeFileSync(reportFile, `${JSON.stringify(results, null, 2)}\n`);
  return results.violations;
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');
}
