import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CompiledTemplate } from '../../core/engine/compileTemplate';
import type { PackSource } from '../../core/pack/packSources';
import { type Problem, formatProblem } from '../../core/problems';
import { COMMANDS } from '../commandIds';
import type { LoadedPackSources, PackEntry } from './packLibrary';
import type { Services } from '../services';

export interface PackNode {
  kind: 'pack';
  entry: PackEntry;
  /** The same pack id in another version elsewhere. */
  warnings: Problem[];
}

export interface TemplateNode {
  kind: 'template';
  entry: PackEntry;
  template: CompiledTemplate;
  /** `<pack id>@<version> (<source>)` of the definition this one replaces. */
  overrides?: string;
  /** `<pack id>@<version> (<source>)` of the definition that replaces this one. */
  overriddenBy?: string;
}

/** A problem of a pack that did not load, shown where its templates would be. */
export interface ProblemNode {
  kind: 'problem';
  entry: PackEntry;
  problem: Problem;
}

export type PackTreeNode = PackNode | TemplateNode | ProblemNode;

export const SOURCE_LABELS: Record<PackSource, string> = {
  builtin: 'built-in',
  user: 'installed',
  settings: 'settings',
  workspace: 'workspace',
  cli: 'command line',
};

const SOURCE_DETAILS: Record<PackSource, string> = {
  builtin: 'ships with Pushback',
  user: 'installed for you (Install Template Pack…)',
  settings: 'a folder named in the setting pushback.packFolders',
  workspace: "this workspace's .pushback/packs, committed with the project",
  cli: 'named with --pack',
};

const CHANNEL_ICONS: Record<string, string> = { email: 'mail', teams: 'comment-discussion', chat: 'comment', document: 'file-text' };
const SHOWN_PROBLEMS = 10;

/**
 * The Template Packs view: every pack from every source, highest priority first, with
 * its templates (saying which override which) or, for a pack that did not load, its
 * problems. Empty while only the built-in pack exists, so the view's welcome shows.
 */
export class PacksTreeProvider implements vscode.TreeDataProvider<PackTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PackTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly services: Services) {
    this.subscription = services.onDidChangePacks(() => this.refresh());
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  async getChildren(node?: PackTreeNode): Promise<PackTreeNode[]> {
    if (!node) return packNodes(await this.services.packSources());
    if (node.kind !== 'pack') return [];
    const { entry } = node;
    if (!entry.pack) return entry.problems.map((problem) => ({ kind: 'problem', entry, problem }));
    const loaded = await this.services.packSources();
    return entry.pack.templates.map((template) => templateNode(loaded, entry, template));
  }

  getTreeItem(node: PackTreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'pack':
        return packItem(node);
      case 'template':
        return templateItem(node);
      case 'problem':
        return problemItem(node);
      default: {
        const unreachable: never = node;
        return unreachable;
      }
    }
  }
}

/** The pack nodes, highest priority first; none while only the built-in pack exists. */
export function packNodes(loaded: LoadedPackSources): PackNode[] {
  const { entries } = loaded;
  if (entries.every((entry) => entry.source === 'builtin' && entry.problems.length === 0)) return [];
  return [...entries].reverse().map((entry) => ({ kind: 'pack', entry, warnings: warningsOf(loaded, entry) }));
}

export function templateNode(loaded: LoadedPackSources, entry: PackEntry, template: CompiledTemplate): TemplateNode {
  const winner = loaded.templates.find((t) => t.template === template);
  const loser = loaded.overridden.find((t) => t.template === template);
  return {
    kind: 'template',
    entry,
    template,
    ...(winner?.overrides ? { overrides: winner.overrides } : {}),
    ...(loser ? { overriddenBy: loser.overriddenBy } : {}),
  };
}

/** A version warning names the winning pack's manifest; every copy of that pack id shows it. */
function warningsOf(loaded: LoadedPackSources, entry: PackEntry): Problem[] {
  if (!entry.about.id) return [];
  return loaded.warnings.filter((warning) => loaded.entries.some((other) => other.manifestFile === warning.file && other.about.id === entry.about.id));
}

/** `1.2.0 · workspace`. */
export function packDescription(entry: PackEntry): string {
  return [entry.about.version, SOURCE_LABELS[entry.source], entry.pack ? undefined : 'not loaded'].filter(Boolean).join(' · ');
}

/** `yes-and-tradeoffs · overrides @pushback/builtin@1.0.0 (builtin)`. */
export function templateDescription(node: Pick<TemplateNode, 'template' | 'overrides' | 'overriddenBy'>): string {
  return [node.template.frontMatter.id, node.overrides && `overrides ${node.overrides}`, node.overriddenBy && `overridden by ${node.overriddenBy}`].filter(Boolean).join(' · ');
}

function packItem(node: PackNode): vscode.TreeItem {
  const { entry, warnings } = node;
  const item = new vscode.TreeItem(entry.about.name ?? path.basename(entry.dir), entry.source === 'builtin' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
  item.id = `pack:${entry.source}:${entry.dir}`;
  item.description = packDescription(entry);
  item.contextValue = `pushback.pack.${entry.source}${entry.pack ? '' : '.broken'}`;
  item.resourceUri = vscode.Uri.file(entry.dir);
  if (entry.problems.length > 0) item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  else if (warnings.length > 0) item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  else item.iconPath = new vscode.ThemeIcon('package');

  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendMarkdown(`**${escape(entry.about.name ?? path.basename(entry.dir))}**\n\n`);
  tooltip.appendMarkdown(`\`${escape(entry.about.id ?? '(no id)')}\`${entry.about.version ? ` version ${escape(entry.about.version)}` : ''}\n\n`);
  tooltip.appendMarkdown(`From ${SOURCE_DETAILS[entry.source]}.\n\n`);
  tooltip.appendMarkdown(`${escape(entry.dir)}\n\n`);
  if (entry.pack) tooltip.appendMarkdown(`${entry.pack.templates.length} template${entry.pack.templates.length === 1 ? '' : 's'}.\n\n`);
  if (entry.problems.length > 0) {
    tooltip.appendMarkdown(`$(error) Not loaded: ${entry.problems.length} problem${entry.problems.length === 1 ? '' : 's'}\n\n`);
    for (const problem of entry.problems.slice(0, SHOWN_PROBLEMS)) tooltip.appendMarkdown(`- ${escape(shortProblem(problem, entry.dir))}\n`);
    if (entry.problems.length > SHOWN_PROBLEMS) tooltip.appendMarkdown(`- … and ${entry.problems.length - SHOWN_PROBLEMS} more\n`);
  }
  for (const warning of warnings) tooltip.appendMarkdown(`\n\n$(warning) ${escape(warning.message)} (${escape(warning.hint)})`);
  item.tooltip = tooltip;
  return item;
}

function templateItem(node: TemplateNode): vscode.TreeItem {
  const { template } = node;
  const { frontMatter } = template;
  const item = new vscode.TreeItem(frontMatter.name, vscode.TreeItemCollapsibleState.None);
  item.id = `template:${node.entry.source}:${template.file}`;
  item.description = templateDescription(node);
  item.contextValue = node.entry.source === 'workspace' || node.entry.source === 'settings' ? 'pushback.template.editable' : 'pushback.template';
  item.resourceUri = vscode.Uri.file(template.file);
  item.iconPath = new vscode.ThemeIcon(node.overriddenBy ? 'circle-slash' : (CHANNEL_ICONS[frontMatter.channel] ?? 'file'));
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendMarkdown(`**${escape(frontMatter.name)}** \`${escape(frontMatter.id)}\`\n\n${escape(frontMatter.description)}\n\n`);
  tooltip.appendMarkdown(`${escape(frontMatter.channel)} · ${escape(frontMatter.tone)}\n\n${escape(template.file)}`);
  if (node.overrides) tooltip.appendMarkdown(`\n\nOverrides ${escape(node.overrides)}.`);
  if (node.overriddenBy) tooltip.appendMarkdown(`\n\n$(circle-slash) Not used: overridden by ${escape(node.overriddenBy)}.`);
  item.tooltip = tooltip;
  item.command = { command: COMMANDS.openTemplateFile, title: 'Open Template File', arguments: [node] };
  return item;
}

function problemItem(node: ProblemNode): vscode.TreeItem {
  const { problem } = node;
  const item = new vscode.TreeItem(problem.message, vscode.TreeItemCollapsibleState.None);
  item.description = `${path.relative(node.entry.dir, problem.file) || path.basename(problem.file)}:${problem.line}:${problem.column}`;
  item.tooltip = formatProblem(problem);
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  item.contextValue = 'pushback.packProblem';
  const at = new vscode.Position(Math.max(0, problem.line - 1), Math.max(0, problem.column - 1));
  item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.file(problem.file), { selection: new vscode.Range(at, at) }] };
  return item;
}

function shortProblem(problem: Problem, dir: string): string {
  const file = path.relative(dir, problem.file) || path.basename(problem.file);
  return `${file}:${problem.line}:${problem.column}: ${problem.path ? `${problem.path}: ` : ''}${problem.message}`;
}

/** Text from files shown in a Markdown tooltip: no markup, no links, no theme icons. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}
