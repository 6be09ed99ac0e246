import * as path from 'node:path';
import { formatNumber, formatPercent, pluralize } from '../../core/engine/helpers/numbers';
import { formatDate } from '../../core/engine/helpers/dates';
import { escapeMarkdown } from '../../core/engine/replyContext';
import type { TeamUtilization } from '../../core/model/utilization';
import type { Problem } from '../../core/problems';

/** What the status bar says about a capacity file, as plain strings (no VS Code types), so it is unit-tested. */

const MAX_TEAM_LENGTH = 32;
const MAX_LISTED_PROBLEMS = 5;

/** `$(pulse) Platform: 94%`, the team's load before any new request. */
export function utilizationText(load: TeamUtilization): string {
  const team = load.team.length > MAX_TEAM_LENGTH ? `${load.team.slice(0, MAX_TEAM_LENGTH - 1).trimEnd()}…` : load.team;
  return `$(pulse) ${team}: ${load.utilization === null ? 'no capacity' : formatPercent(load.utilization)}`;
}

/** More committed than available: the status bar item takes the warning colour. */
export function isOverCommitted(load: TeamUtilization): boolean {
  return load.utilization !== null && load.utilization > 1 + 1e-9;
}

export function utilizationLabel(load: TeamUtilization): string {
  return load.utilization === null
    ? `Pushback: ${load.team} has no capacity in the horizon`
    : `Pushback: ${load.team} is ${formatPercent(load.utilization)} utilized`;
}

/** The hover: the figures behind the percentage, and a link to the composer. */
export function utilizationTooltip(load: TeamUtilization, composerCommand: string): string {
  const utilization =
    load.utilization === null
      ? 'none: no working day in the horizon has anyone available'
      : `**${formatPercent(load.utilization)}** (committed ÷ available, before any new request)`;
  return [
    `**${escapeText(load.team)}**`,
    '',
    `- Horizon: ${formatDate(load.horizon.start, true)} – ${formatDate(load.horizon.end, true)} (${load.horizonWorkingDays} working ${pluralize(load.horizonWorkingDays, 'day')})`,
    `- Available: ${personDays(load.availableDays)}`,
    `- Committed: ${personDays(load.committedDays)}`,
    `- Utilization: ${utilization}`,
    '',
    `[Open Composer](command:${composerCommand} "Draft a reply to a request from this team's capacity") to see what a new request would do.`,
  ].join('\n');
}

/** `$(warning) Pushback: 3 problems` when the capacity file does not validate. */
export function problemsText(count: number): string {
  return `$(warning) Pushback: ${count} ${pluralize(count, 'problem')}`;
}

export function problemsTooltip(problems: readonly Problem[], capacityFile: string): string {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((problem) => {
    const where = problem.file === capacityFile ? `line ${problem.line}` : `${path.basename(problem.file)} line ${problem.line}`;
    const field = problem.path ? ` \`${problem.path}\`` : '';
    return `- ${where}${field}: ${escapeText(problem.message)}`;
  });
  const more = problems.length - listed.length;
  return [
    `**This capacity file has ${problems.length} ${pluralize(problems.length, 'problem')}**, so no utilization can be shown.`,
    '',
    ...listed,
    ...(more > 0 ? [`- …and ${more} more`] : []),
    '',
    'Click to open the Problems panel.',
  ].join('\n');
}

function personDays(value: number): string {
  return `${formatNumber(value, 1)} person-${pluralize(value, 'day')}`;
}

/** Data text in a hover: Markdown structure (and `|`, `$(`) must stay literal. */
function escapeText(text: string): string {
  return escapeMarkdown(text).replace(/\|/g, '\\|').replace(/\$\(/g, '$\\(');
}
