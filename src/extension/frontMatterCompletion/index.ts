import * as vscode from 'vscode';
import { completeFrontMatter } from '../../core/frontMatterCompletion/completeFrontMatter';
import type { Services } from '../services';

/**
 * Completion in a template's front matter (the YAML between its `---` lines): template keys,
 * field keys under `fields:`, and the allowed values of `kind`, `channel` and `required`.
 * Editors' YAML schema support does not reach front matter inside a `.hbs` file, so the
 * suggestions come from the same JSON Schema (media/schemas/template-front-matter.schema.json).
 */
export function activate(context: vscode.ExtensionContext, _services: Services): void {
  const provider: vscode.CompletionItemProvider = {
    provideCompletionItems(document, position) {
      // Front matter is at the top: a position far below it is answered without reading the file.
      if (position.line > 500) return [];
      return completeFrontMatter(document.getText(new vscode.Range(0, 0, position.line + 200, 0)), position.line, position.character).map((suggestion) => {
        const item = new vscode.CompletionItem(suggestion.label, suggestion.kind === 'key' ? vscode.CompletionItemKind.Property : vscode.CompletionItemKind.EnumMember);
        item.insertText = suggestion.insertText;
        if (suggestion.documentation) item.documentation = suggestion.documentation;
        if (suggestion.hasValues) item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest values' };
        return item;
      });
    },
  };
  context.subscriptions.push(vscode.languages.registerCompletionItemProvider([{ language: 'handlebars' }, { pattern: '**/*.hbs' }], provider, ' '));
}
