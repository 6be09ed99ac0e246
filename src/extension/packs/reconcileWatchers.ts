import type * as vscode from 'vscode';

/**
 * Make the watchers in `current` (folder → watcher) match `wanted`: stop those no
 * longer wanted, start the missing ones, keep the rest. `start` returns `undefined`
 * when the folder cannot be watched; it is then left out, and tried again next time.
 */
export function reconcileWatchers(current: Map<string, vscode.Disposable>, wanted: ReadonlySet<string>, start: (folder: string) => vscode.Disposable | undefined): void {
  for (const [folder, watcher] of current) {
    if (wanted.has(folder)) continue;
    watcher.dispose();
    current.delete(folder);
  }
  for (const folder of wanted) {
    if (current.has(folder)) continue;
    const watcher = start(folder);
    if (watcher) current.set(folder, watcher);
  }
}
