import * as vscode from 'vscode';
import { type DraftForm, draftFormSchema, emptyDraft } from '../core/draft/draftForm';

const KEY = 'pushback.draft';

/**
 * The current draft, kept in workspace storage on every change: it outlives the
 * composer view, a window reload and a crash. Commands that prefill the form
 * (Draft Reply from Selection, Insert Template) write here too.
 */
export class DraftStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DraftForm>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento, private readonly defaults: () => Partial<DraftForm>) {}

  get(): DraftForm {
    const saved = draftFormSchema.safeParse(this.memento.get(KEY));
    return saved.success ? saved.data : emptyDraft(this.defaults());
  }

  async update(draft: DraftForm, options: { silent?: boolean } = {}): Promise<void> {
    await this.memento.update(KEY, draft);
    if (!options.silent) this.changed.fire(draft);
  }

  /** Start over: only when the user asks for a new draft. The chosen capacity file and template stay. */
  async reset(): Promise<DraftForm> {
    const { capacityFile, templateId } = this.get();
    const fresh = emptyDraft({ ...this.defaults(), capacityFile, templateId });
    await this.update(fresh);
    return fresh;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
