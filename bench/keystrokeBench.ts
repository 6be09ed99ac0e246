import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { openUiSession } from '../test/host/uiSession';
import { syntheticCapacity } from './syntheticTeam';

const root = path.resolve(__dirname, '..');

/**
 * Keystroke-to-preview latency, measured inside the composer's webview: from the
 * input event to the preview updated, rendered in the page or by the host (the
 * result counts which). Typed into the real
 * workbench in Chromium, once on the sample team and once on a 2,000-commitment file.
 */
export async function benchKeystrokes(): Promise<Record<string, unknown>> {
  if (!existsSync(path.join(root, '.vscode-test/code-server'))) return { skipped: 'no test host: run scripts/install-test-host.sh' };
  return {
    sample: await measure(null),
    commitments2000: await measure(2000),
  };
}

async function measure(commitments: number | null) {
  const workspace = mkdtempSync(path.join(tmpdir(), 'pushback-keys-'));
  if (commitments !== null) {
    writeFileSync(path.join(workspace, 'big.capacity.json'), JSON.stringify(syntheticCapacity(60, commitments)));
    mkdirSync(path.join(workspace, '.vscode'));
    writeFileSync(path.join(workspace, '.vscode/settings.json'), JSON.stringify({ 'pushback.capacityFile': 'big.capacity.json' }));
  }
  const ui = await openUiSession({ workspaceFolder: workspace, extensionDevelopmentPath: root });
  try {
    const composer = ui.page.frameLocator('iframe.webview[src*="extensionId=pushback.pushback"]').frameLocator('iframe#active-frame');
    await ui.runCommand('Pushback: Open Composer');
    await composer.locator('#field-title').waitFor({ timeout: 60_000 });
    await composer.locator('#field-requesterName').fill('Dana Whitfield');
    await composer.locator('#field-effortDays').fill('12');
    await composer.locator('#field-title').fill('Portal');
    await composer.locator('#preview', { hasText: 'Portal' }).waitFor({ timeout: 30_000 });
    const outcome = composer.locator('#field-outcome');
    await outcome.click();
    const text = 'cut calls to the contact centre by a third before the spring peak';
    // One keystroke every 60 ms, like a fast typist: each is answered before the next.
    await outcome.pressSequentially(text, { delay: 60 });
    await composer.locator('#preview', { hasText: 'spring peak' }).waitFor({ timeout: 30_000 });
    const samples = (await composer.locator('body').evaluate(() => (globalThis as unknown as { pushbackLatency: number[] }).pushbackLatency.slice())) as number[];
    const hostMs = (await composer.locator('body').evaluate(() => (globalThis as unknown as { pushbackHostMs: number[] }).pushbackHostMs.slice())) as number[];
    const renderedIn = (await composer.locator('body').evaluate(() => (globalThis as unknown as { pushbackRenderedIn: string[] }).pushbackRenderedIn.slice())) as string[];
    const typedIn = renderedIn.slice(-text.length);
    const typed = samples.slice(-text.length).sort((a, b) => a - b);
    const host = hostMs.slice(-text.length).sort((a, b) => a - b);
    const at = (values: number[], q: number) => values[Math.min(values.length - 1, Math.floor(q * values.length))];
    return {
      keystrokes: typed.length,
      medianMs: round(at(typed, 0.5)),
      p95Ms: round(at(typed, 0.95)),
      maxMs: round(typed[typed.length - 1]),
      // The page renders the preview itself once the host has sent the data and the precompiled template; else the host does.
      renderedInPage: typedIn.filter((where) => where === 'page').length,
      renderedOnHost: typedIn.filter((where) => where === 'host').length,
      // The host's own renders: of every change when it renders the preview; once typing pauses when the page does.
      hostRenderMedianMs: round(at(host, 0.5)),
      hostRenderP95Ms: round(at(host, 0.95)),
    };
  } finally {
    await ui.close();
    rmSync(workspace, { recursive: true, force: true });
  }
}

const round = (value: number) => Math.round(value * 10) / 10;
