import { type Problem, formatProblem } from '../core/problems';

/** A problem as the command line prints it: the core's hint, then the flag or command that applies it. */
export function formatCliProblem(problem: Problem): string {
  return formatProblem({ ...problem, hint: [problem.hint, remedyOnTheCommandLine(problem)].filter(Boolean).join(' ') });
}

function remedyOnTheCommandLine({ remedy }: Problem): string {
  switch (remedy?.kind) {
    case 'chooseTemplate':
      return '(pushback templates lists them)';
    case 'useTemplate':
      return `(--template ${remedy.templateId})`;
    case 'sendAsEmail':
      return '(--format eml)';
    case undefined:
      return '';
  }
}
