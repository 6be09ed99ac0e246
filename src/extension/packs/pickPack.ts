import * as vscode from 'vscode';
import type { EffectiveTemplate } from '../../core/pack/packSources';
import type { LoadedPackSources, PackEntry } from './packLibrary';
import type { Services } from '../services';
import { type PackTreeNode, type TemplateNode, packDescription, templateNode } from './PacksTreeProvider';

/**
 * What a pack command was given: a tree node (context menu), a pack folder or id
 * (tests, other commands), or nothing (the palette, which then asks).
 */
export async function packFromArgument(services: Services, argument: unknown, filter: (entry: PackEntry) => boolean, placeHolder: string): Promise<PackEntry | undefined> {
  const loaded = await services.packSources();
  const candidates = [...loaded.entries].reverse().filter(filter);
  const given = entryOf(loaded, argument, candidates);
  if (given) {
    if (!candidates.includes(given)) throw new Error(`this command does not apply to ${given.about.name ?? given.dir} (${given.source})`);
    return given;
  }
  if (argument !== undefined) throw new Error(`no such template pack: ${JSON.stringify(argument)}`);
  return pickPack(candidates, placeHolder);
}

export async function pickPack(candidates: readonly PackEntry[], placeHolder: string): Promise<PackEntry | undefined> {
  if (candidates.length === 0) return undefined;
  const picked = await vscode.window.showQuickPick(
    candidates.map((entry) => ({ label: entry.about.name ?? entry.dir, description: `${entry.about.id ?? ''} ${packDescription(entry)}`.trim(), detail: entry.dir, entry })),
    { placeHolder, matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.entry;
}

/** A tree node, a pack folder, or a pack id (the highest-priority copy the command applies to, else any). */
function entryOf(loaded: LoadedPackSources, argument: unknown, candidates: readonly PackEntry[]): PackEntry | undefined {
  if (isNode(argument)) return loaded.entries.find((entry) => entry.dir === argument.entry.dir) ?? argument.entry;
  if (typeof argument !== 'string') return undefined;
  const entries = [...loaded.entries].reverse();
  const byId = (list: readonly PackEntry[]) => list.find((entry) => entry.about.id === argument);
  return entries.find((entry) => entry.dir === argument) ?? byId(candidates) ?? byId(entries);
}

function isNode(value: unknown): value is PackTreeNode {
  return typeof value === 'object' && value !== null && 'kind' in value && 'entry' in value;
}

/**
 * The template a template command was given: a tree node, a template id (the winning
 * definition), or nothing, in which case the user picks one of the winners.
 */
export async function templateFromArgument(services: Services, argument: unknown, placeHolder: string): Promise<TemplateNode | undefined> {
  const loaded = await services.packSources();
  if (isNode(argument) && argument.kind === 'template') return argument;
  const effective = (winner: EffectiveTemplate) => {
    const entry = loaded.entries.find((e) => e.pack === winner.pack);
    return entry ? templateNode(loaded, entry, winner.template) : undefined;
  };
  if (typeof argument === 'string') {
    const winner = loaded.templates.find((t) => t.template.frontMatter.id === argument);
    const node = winner && effective(winner);
    if (!node) throw new Error(`no template "${argument}" in any loaded pack`);
    return node;
  }
  if (argument !== undefined) throw new Error('expected a template from the Template Packs view or a template id');
  const picked = await vscode.window.showQuickPick(
    [...loaded.templates].reverse().map((winner) => ({
      label: winner.template.frontMatter.name,
      description: `${winner.template.frontMatter.id} · ${winner.pack.manifest.name}`,
      detail: winner.template.frontMatter.description,
      winner,
    })),
    { placeHolder, matchOnDescription: true },
  );
  return picked ? effective(picked.winner) : undefined;
}
