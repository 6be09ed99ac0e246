import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { openUiSession } from '../test/host/uiSession';

const root = path.resolve(__dirname, '..');
const RELOADS = 5;

/**
 * Window reload → the composer showing the sample's figures again: the composer is open in an
 * editor tab, the browser reloads the workbench (what Developer: Reload Window does in a web
 * host), and the time runs until the restored page shows the analysis. The workbench's own
 * time to its status bar is measured in the same reloads, for a ratio.
 *
 * The breakdown: when code-server's new extension host activated Pushback after each reload
 * (read from that extension host's log), and the composer's time after it. Before that
 * moment nothing of Pushback runs (the page is set by the serializer, in the extension), so
 * it is the host's share; after it, Pushback's (with the webview's own loading).
 */
export async function benchReload(): Promise<Record<string, unknown>> {
  if (!existsSync(path.join(root, '.vscode-test/code-server'))) return { skipped: 'no test host: run scripts/install-test-host.sh' };
  const workspace = mkdtempSync(path.join(tmpdir(), 'pushback-reload-'));
  const ui = await openUiSession({ workspaceFolder: workspace, extensionDevelopmentPath: root });
  try {
    const page = () => ui.page.frameLocator('iframe.webview[src*="extensionId=pushback.pushback"]').frameLocator('iframe#active-frame');
    const figures = () => page().locator('#figures dd').first();
    await ui.runCommand('Pushback: Open Composer', { timeoutMs: 120_000 });
    // The figures need a request: the sample team's figures for a small one.
    await page().locator('#field-title').fill('Portal');
    await page().locator('#field-requesterName').fill('Dana Whitfield');
    await page().locator('#field-effortDays').fill('12');
    await figures().waitFor({ timeout: 60_000 });
    // Workspace storage is written a moment after the change: reload once it holds the draft.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const composer: number[] = [];
    const workbench: number[] = [];
    const activated: number[] = [];
    const logs = path.join(ui.server.runDir, 'user-data', 'logs');
    for (let i = 0; i < RELOADS; i++) {
      const started = Date.now();
      await ui.page.reload({ waitUntil: 'commit' });
      await ui.page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
      workbench.push(Date.now() - started);
      await figures().waitFor({ timeout: 60_000 });
      // When the page painted them (its own clock, the same machine's): a locator polls nested frames only every second or so.
      const paintedAt = Number(await page().locator('html').getAttribute('data-first-figures-at'));
      composer.push((paintedAt > started ? paintedAt : Date.now()) - started);
      const at = await activationAfter(logs, started);
      if (at !== undefined) activated.push(at - started);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    const breakdown =
      activated.length === RELOADS
        ? {
            // code-server's share: a new extension host per page load, started while the workbench loads.
            extensionActivatedMedianMs: median(activated),
            // Pushback's share (and the webview's loading): from activation to the figures on screen.
            composerAfterActivationMedianMs: median(composer.map((ms, i) => ms - activated[i])),
            composerOverActivation: ratio(median(composer), median(activated)),
            activatedMs: activated,
          }
        : { breakdown: 'not found in the extension host logs' };
    return {
      reloads: RELOADS,
      composerFiguresMedianMs: median(composer),
      workbenchReadyMedianMs: median(workbench),
      // How much later than the workbench the composer is back (1 = at the same time).
      composerOverWorkbench: ratio(median(composer), median(workbench)),
      composerMs: composer,
      workbenchMs: workbench,
      ...breakdown,
    };
  } finally {
    await ui.close();
    rmSync(workspace, { recursive: true, force: true });
  }
}

/**
 * When code-server's extension host activated Pushback after `since` (epoch ms), from that
 * host's log (`… [info] ExtensionService#_doActivateExtension pushback.pushback, …`, local
 * time). Each page load has its own extension host and log folder; the log is written a
 * moment late, so it is read again for up to 5 s.
 */
async function activationAfter(logs: string, since: number): Promise<number | undefined> {
  const pattern = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3}) \[info\] ExtensionService#_doActivateExtension pushback\.pushback\b/m;
  for (let attempt = 0; attempt < 25; attempt++) {
    for (const session of safeList(logs)) {
      for (const host of safeList(path.join(logs, session)).filter((name) => name.startsWith('exthost'))) {
        let text = '';
        try {
          text = readFileSync(path.join(logs, session, host, 'remoteexthost.log'), 'utf8');
        } catch {
          continue;
        }
        const match = pattern.exec(text);
        const at = match ? new Date(`${match[1]}T${match[2]}`).getTime() : NaN;
        if (at >= since) return at;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return undefined;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
