/** Help texts, one per command, printed by `--help` and on wrong usage. */
export const USAGE = {
  main: `pushback — draft a better "yes" to a stakeholder request

Usage:
  pushback draft      draft a reply (with no flags: from the embedded sample)
  pushback analyze    print the capacity analysis as JSON
  pushback templates  list the available templates
  pushback import jira FILE.csv   turn a Jira CSV export into commitments

Run "pushback COMMAND --help" for a command's options.
Exit codes: 0 ok, 1 invalid input (each problem printed as file:line:col), 2 wrong usage.`,
  draft: `pushback draft [options]

Draft a reply to a request from the team's capacity data.

Options:
  --request FILE     the request (.json or .yaml); default: the sample request
  --capacity FILE    the capacity data (.json or .yaml); default: the sample team
  --template ID      which template (see "pushback templates"); default: yes-and-tradeoffs
  --proposal KIND    the alternative to propose: defer, descope, swap or fund
                     (default: the one the analysis favours)
  --format FORMAT    markdown (default), html, text or json
  --out FILE         write to FILE (atomically) instead of standard output
  --today DATE       the date to write the reply on (YYYY-MM-DD); default: today
  -h, --help         show this help`,
  analyze: `pushback analyze --request FILE --capacity FILE

Print the analysis as JSON, with the field names of the capacity model's Outputs table.

Options:
  --request FILE     the request (.json or .yaml)
  --capacity FILE    the capacity data (.json or .yaml)
  -h, --help         show this help`,
  templates: `pushback templates [--format text|json]

List the templates: id, name, description (JSON: [{id, name, description, pack}]).`,
  import: `pushback import jira FILE.csv [--days-per-point N]

Print {"commitments": [...], "skipped": [{"key", "reason"}]} from a Jira CSV export.
Estimates: Remaining Estimate, else Original Estimate (seconds, 8-hour days), else
story points × N (default 1). Finished issues are skipped.`,
} as const;
