import type * as vscode from 'vscode';
import type { Services } from '../services';

export function activate(_context: vscode.ExtensionContext, _services: Services): void {
  // Being written: see the issue for what this feature does.
}
