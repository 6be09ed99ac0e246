import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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
    for (let i = 0; i < RELOADS; i++) {
      const started = Date.now();
      await ui.page.reload({ waitUntil: 'commit' });
      await ui.page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
      workbench.push(Date.now() - started);
      await figures().waitFor({ timeout: 60_000 });
      composer.push(Date.now() - started);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    return {
      reloads: RELOADS,
      composerFiguresMedianMs: median(composer),
      workbenchReadyMedianMs: median(workbench),
      // How much later than the workbench the composer is back (1 = at the same time).
      composerOverWorkbench: Math.round((median(composer) / median(workbench)) * 100) / 100,
      composerMs: composer,
    };
  } finally {
    await ui.close();
    rmSync(workspace, { recursive: true, force: true });
  }
}
