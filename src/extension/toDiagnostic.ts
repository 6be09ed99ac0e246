import * as vscode from 'vscode';
import { extentFormatOf, problemExtent } from '../core/problemExtent';
import type { Problem } from '../core/problems';

/**
 * The one place core problems become VS Code types. A Problem has a 1-based
 * position; a Diagnostic needs the 0-based range of the token to underline.
 */

export const DIAGNOSTIC_SOURCE = 'Pushback';

/** The token at the problem's position in `text` (the file's current text); a bare position when the text is unknown. */
export function problemRange(problem: Problem, text: string | undefined): vscode.Range {
  if (text === undefined) {
    const at = new vscode.Position(Math.max(0, problem.line - 1), Math.max(0, problem.column - 1));
    return new vscode.Range(at, at);
  }
  const extent = problemExtent(text, problem, extentFormatOf(problem.file));
  return new vscode.Range(extent.line - 1, extent.startColumn - 1, extent.line - 1, extent.endColumn - 1);
}

/** `message — hint`, source "Pushback", code = the field's path (when it has one). */
export function toDiagnostic(problem: Problem, text: string | undefined, severity = vscode.DiagnosticSeverity.Error): vscode.Diagnostic {
  const message = problem.hint ? `${problem.message} — ${problem.hint}` : problem.message;
  const diagnostic = new vscode.Diagnostic(problemRange(problem, text), message, severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  if (problem.path) diagnostic.code = problem.path;
  return diagnostic;
}
