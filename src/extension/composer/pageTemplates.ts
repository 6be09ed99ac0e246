import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CompiledTemplate } from '../../core/engine/compileTemplate';
import { precompiledSpecs, templateScript } from '../../core/engine/precompiledTemplate';
import { pruneOldFiles } from '../../node/pruneOldFiles';
import { writeFileAtomic } from '../../node/writeFileAtomic';
import { TEMPLATE_SCRIPTS_FOLDER } from '../../shared/pageRender';

/** Where the precompiled templates are written: a folder the composer's page may load scripts from. */
/** The scripts' names: the SHA-256 of their specs. */
const SCRIPT_NAME = /^[0-9a-f]{64}\.js$/;

export function templateScriptsFolder(globalStorage: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(globalStorage, TEMPLATE_SCRIPTS_FOLDER);
}

/**
 * Precompiled templates for the composer's page, written once per content: the
 * file is named after the SHA-256 of its specs, so a name always holds the same
 * code and a page never loads a half-written or stale one. Only Handlebars
 * templates from the loaded packs are precompiled (their source is data; the code
 * is what Handlebars' compiler writes), never anything else from a pack.
 */
export class PageTemplates {
  private readonly written = new WeakMap<CompiledTemplate, Promise<{ file: vscode.Uri; hash: string } | undefined>>();

  /** Pruned once, before the first script is looked at (not at activation). */
  private pruning: Promise<unknown> | undefined;

  constructor(private readonly folder: vscode.Uri) {}

  /** The template's script (written now if it is not there yet), or undefined when it cannot be precompiled. */
  scriptFor(template: CompiledTemplate): Promise<{ file: vscode.Uri; hash: string } | undefined> {
    let script = this.written.get(template);
    if (!script) {
      script = this.write(template);
      this.written.set(template, script);
    }
    return script;
  }

  private async write(template: CompiledTemplate): Promise<{ file: vscode.Uri; hash: string } | undefined> {
    // One script accumulates per template version: scripts no window used for 30 days go. Used
    // ones are touched below (after the pruning, so it cannot take one being touched), and a page
    // that loaded one has it already.
    await (this.pruning ??= pruneOldFiles(this.folder.fsPath, SCRIPT_NAME, 30 * 24 * 60 * 60 * 1000));
    let specs: string | undefined;
    try {
      specs = precompiledSpecs(template);
    } catch {
      return undefined; // a template that does not compile has no preview in the page either: the host reports it
    }
    if (specs === undefined) return undefined;
    const hash = createHash('sha256').update(specs).digest('hex');
    const file = vscode.Uri.joinPath(this.folder, `${hash}.js`);
    // Touching it says it is still in use (not pruned); failing to, that it is not there yet.
    const now = new Date();
    const exists = await fsp.utimes(file.fsPath, now, now).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await fsp.mkdir(path.dirname(file.fsPath), { recursive: true });
      await writeFileAtomic(file.fsPath, templateScript(hash, specs));
    }
    return { file, hash };
  }
}
