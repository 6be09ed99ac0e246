import * as vscode from 'vscode';
import { type DecisionRecord, readDecisionRecord } from '../../core/decisions/decisionRecord';
import { formatDate } from '../../core/engine/helpers/dates';
import type { Problem } from '../../core/problems';
import type { Logger } from '../logger';
import { vscodeFileSystem } from '../vscodeFileSystem';
import { decisionsFolder } from './recordDecision';

/** One file in the decision log: its record, or why it could not be read. */
export interface DecisionEntry {
  uri: vscode.Uri;
  name: string;
  record?: DecisionRecord;
  problem?: Problem;
}

const PROPOSAL_ICONS: Record<DecisionRecord['proposal']['kind'], string> = {
  defer: 'calendar',
  descope: 'fold',
  swap: 'arrow-swap',
  fund: 'credit-card',
  none: 'check',
};

/**
 * The Decisions view: the records in `.pushback/decisions/*.md`, newest first, each
 * opening its file. A record that cannot be read is listed with the reason, so one
 * damaged file neither hides nor breaks the rest. Empty (and so showing the view's
 * welcome text) without a folder or in a restricted workspace.
 */
export class DecisionsTreeProvider implements vscode.TreeDataProvider<DecisionEntry>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly logger: Logger) {}

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(element?: DecisionEntry): Promise<DecisionEntry[]> {
    if (element) return [];
    try {
      return await this.entries();
    } catch (error) {
      this.logger.error('Could not list the decision log', error);
      return [];
    }
  }

  /** Every record, newest first: by date, then the later of two records on one day (`x-2.md` before `x.md`). */
  async entries(): Promise<DecisionEntry[]> {
    const folder = decisionsFolder();
    if (!folder || !vscode.workspace.isTrusted) return [];
    // Most workspaces have no log yet: ask whether it exists first (reading a missing folder logs an error in the host).
    const exists = await vscode.workspace.fs.stat(folder).then(
      (stat) => (stat.type & vscode.FileType.Directory) !== 0,
      () => false,
    );
    if (!exists) return [];
    const listing = await vscode.workspace.fs.readDirectory(folder);
    // Whatever is named like a record is listed: one that is a folder, a link elsewhere or unreadable shows why.
    const names = listing.filter(([name]) => name.endsWith('.md') && !name.startsWith('.')).map(([name]) => name);
    const entries = await Promise.all(
      names.map(async (name): Promise<DecisionEntry> => {
        const uri = vscode.Uri.joinPath(folder, name);
        const parsed = await readDecisionRecord(vscodeFileSystem, folder.fsPath, uri.fsPath);
        return parsed.ok ? { uri, name, record: parsed.value } : { uri, name, problem: parsed.problems[0] };
      }),
    );
    const dateOf = (entry: DecisionEntry) => entry.record?.date ?? entry.name.slice(0, 10);
    return entries.sort((a, b) => dateOf(b).localeCompare(dateOf(a)) || b.name.slice(0, -3).localeCompare(a.name.slice(0, -3), 'en', { numeric: true }));
  }

  getTreeItem(entry: DecisionEntry): vscode.TreeItem {
    const open: vscode.Command = { command: 'vscode.open', title: 'Open Decision', arguments: [entry.uri] };
    const { record } = entry;
    if (!record) {
      const item = new vscode.TreeItem(entry.name, vscode.TreeItemCollapsibleState.None);
      item.description = 'could not be read';
      item.tooltip = entry.problem ? `${entry.problem.message} (line ${entry.problem.line}${entry.problem.path ? `, ${entry.problem.path}` : ''}): ${entry.problem.hint}` : undefined;
      item.iconPath = new vscode.ThemeIcon('warning');
      item.command = open;
      item.contextValue = 'pushback.decision.unreadable';
      return item;
    }
    const item = new vscode.TreeItem(record.request.title, vscode.TreeItemCollapsibleState.None);
    item.id = entry.uri.toString();
    item.description = `${record.date} · ${record.proposal.label}`;
    item.iconPath = new vscode.ThemeIcon(PROPOSAL_ICONS[record.proposal.kind]);
    item.tooltip = decisionTooltip(record);
    item.accessibilityInformation = { label: `${record.request.title}, decided ${formatDate(record.date, true)}: ${record.proposal.label}` };
    item.resourceUri = entry.uri;
    item.command = open;
    item.contextValue = 'pushback.decision';
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Data goes in as plain text: a title like `[x](command:…)` must read literally. */
function decisionTooltip(record: DecisionRecord): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown('**').appendText(record.request.title).appendMarkdown('**\n\n');
  const requester = record.request.requesterTitle ? `${record.request.requester}, ${record.request.requesterTitle}` : record.request.requester;
  tooltip.appendText(`Asked by ${requester}. Decided ${formatDate(record.date, true)}${record.channels.length > 0 ? `; sent: ${record.channels.join(', ')}` : ''}.`).appendMarkdown('\n\n');
  tooltip.appendMarkdown('**').appendText(record.proposal.label).appendMarkdown(':** ').appendText(record.proposal.summary).appendMarkdown('\n\n');
  tooltip.appendText(`${record.template.name} · ${record.pack.id} ${record.pack.version}`);
  return tooltip;
}
