/** Help texts, one per command, printed by `--help` and on wrong usage. */
export const USAGE = {
  main: `pushback — draft a better "yes" to a stakeholder request

Usage:
  pushback draft      draft a reply (with no flags: from the embedded sample)
  pushback analyze    print the capacity analysis as JSON
  pushback templates  list the available templates
  pushback import jira FILE.csv   turn a Jira CSV export into commitments
  pushback pack       make, check, test, export and install template packs
  pushback decisions  list the decision log (.pushback/decisions)
  pushback check-rewrite ORIGINAL.md REWRITE.md   check that a rewrite kept every figure
  pushback request from-text FILE|-   what a stakeholder's email or chat message asks

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
  --format FORMAT    markdown (default); text; json ({template, analysis, reply});
                     html (email-ready, inline styles); eml (a draft email with
                     subject, plain text and HTML, opened by Outlook as unsent);
                     teams-card (Adaptive Card 1.5 JSON); teams-message (the
                     Teams Workflows webhook body around the card)
  --out FILE         write to FILE (atomically) instead of standard output
  --today DATE       the date to write the reply on (YYYY-MM-DD); default: today
  --pack DIR         also use the template pack in DIR (repeatable; a later pack's
                     template overrides an earlier one, and the built-in pack, with the same id)
  --field ID=VALUE   a value for one of the template's fields (repeatable), like
                     --field briefingDate=2027-01-08 --field attachDecision=true
  --fields FILE      the template's field values from a JSON or YAML object
                     ({"briefingDate": "2027-01-08"}); --field wins over it
  --locale LOCALE    write for a reader in LOCALE (en-GB, de-DE, fr-FR, ja-JP…):
                     dates, numbers and money in its format, and the template's
                     translation when it has one; default: the pack's, else as today
  -h, --help         show this help`,
  analyze: `pushback analyze --request FILE --capacity FILE

Print the analysis as JSON, with the field names of the capacity model's Outputs table.

Options:
  --request FILE     the request (.json or .yaml)
  --capacity FILE    the capacity data (.json or .yaml)
  -h, --help         show this help`,
  templates: `pushback templates [--format text|json] [--pack DIR]...

List the templates: id, name, description (JSON: [{id, name, description, pack}]).`,
  import: `pushback import jira FILE.csv [--days-per-point N]

Print {"commitments": [...], "skipped": [{"key", "reason"}]} from a Jira CSV export.
Estimates: Remaining Estimate, else Original Estimate (seconds, 8-hour days), else
story points × N (default 1). Finished issues are skipped.`,
  checkRewrite: `pushback check-rewrite ORIGINAL.md REWRITE.md [--format text|json] [--request FILE --capacity FILE]

Check that a rewrite of a reply (by Copilot, ChatGPT, Teams Copilot or by hand) kept its
figures: amounts, percentages, day counts, FTE, numbers, dates, people's names and
commitment ids. The same value in another ordinary form counts as kept ("Mon 11 Jan 2027"
= "January 11, 2027", "$49,300" = "49,300 USD").

Exit 0 and "all N figures kept" when every figure of the rewrite is in the original and no
key figure is missing; exit 1 otherwise, each difference as FILE:line:col (changed or
invented figures in the rewrite, missing key figures in the original).

Options:
  --request FILE     the request the reply was drafted from, and
  --capacity FILE    its capacity data: then people's names are checked too, and the key
                     figures are exactly the effort, the utilization after, each delayed
                     item, the FTE and its cost, who informs the CIO and by when (without
                     them: the original's percentages, FTE figures and commitment ids)
  --format FORMAT    text (default) or json ({ok, figures, kept, keyFigures, differences})
  -h, --help         show this help`,
  decisions: `pushback decisions [--dir DIR] [--format text|json]

List the recorded decisions, oldest first: date, proposal, request, file.

Options:
  --dir DIR          the decision log folder; default: .pushback/decisions
  --format FORMAT    text (default) or json ([{file, date, request, proposal, figures, …}])
  -h, --help         show this help`,
  request: `pushback request COMMAND

Commands:
  pushback request from-text FILE|- --today DATE [--day-first] [--format json|yaml]
                     print the request read from a stakeholder's email or chat message`,
  requestFromText: `pushback request from-text FILE|- --today DATE [--day-first] [--format json|yaml]

Print what Draft Reply from Selection reads from a stakeholder's email or chat message
(FILE, or - for standard input), so it can be checked by hand or in CI:
  {"request": {"title", "requester": {"name", "title"}, "neededBy", "effortDays"},
   "evidence": {"title": "the words it came from", …}, "notes": ["how a phrase was read", …]}
A field that was not recognised is absent. Recognising nothing still exits 0.

Options:
  --today DATE       the day the message is read (YYYY-MM-DD): "by Friday" counts from it
  --day-first        read 3/12 as 3 December (default: 12 March)
  --format FORMAT    json (default) or yaml
  -h, --help         show this help`,
  pack: `pushback pack COMMAND

Template packs: a folder with pushback-pack.json, Handlebars templates and examples.

Commands:
  pushback pack new [DIR] [--id @scope/name]   scaffold a pack with one template and an example
  pushback pack validate DIR...                check the manifest, templates, partials and fields
  pushback pack test DIR [--update]            render every example and compare with its expected reply
  pushback pack export DIR [--out F] [--npm]   write a .zip (or the npm tarball) to share
  pushback pack install SOURCE [--into DIR] [--sha256 HEX]
                                               install from a folder, .zip, .tgz, https URL or npm name
  pushback pack uninstall ID [--into DIR]      remove an installed pack

In CI: npx pushback pack validate . && npx pushback pack test .
Exit codes: 0 ok, 1 problems (printed as file:line:col: path: message (hint)), 2 wrong usage.`,
  packNew: `pushback pack new [DIR] [--id @scope/name]

Scaffold a pack in DIR (default: the current folder, which must be empty): pushback-pack.json,
one template with front matter, a sample request and team, the expected reply, and a
package.json with the keyword "pushback-pack" so the pack is also an npm package.

Options:
  --id ID            the pack's scoped id; default: @my-team/<folder name>
  -h, --help         show this help`,
  packValidate: `pushback pack validate DIR...

Check each pack: the manifest against its schema and engines.pushback, that every template
compiles with only the built-in helpers, that its partials exist, and that every field it
reads exists (each template is rendered on its examples, or the sample, with every proposal).`,
  packTest: `pushback pack test DIR [--update]

Render every example in the manifest and compare it with its expected reply; print a
unified diff for each mismatch and exit 1.

Options:
  --update           write the rendered replies as the new expected ones (review the diff!)
  -h, --help         show this help`,
  packExport: `pushback pack export DIR [--out FILE] [--npm]

Write the pack as a .zip (default: <scope>-<name>-<version>.zip here) and print its sha256,
which a URL install needs. Dot-files, node_modules and earlier exports are left out.

Options:
  --out FILE         where to write it
  --npm              write the npm tarball (package/…) instead; needs a package.json
  -h, --help         show this help`,
  packInstall: `pushback pack install SOURCE [--into DIR] [--sha256 HEX]

Install a pack from a folder, a .zip or .tgz, an https:// URL (with --sha256) or an npm
package name (fetched with your own npm configuration). Nothing is written outside the
pack's folder; links, devices and oversized archives are refused; a failed install leaves
the installed version untouched.

Options:
  --into DIR         the packs folder; default: the one VS Code's Pushback uses
                     (or $PUSHBACK_PACKS_DIR)
  --sha256 HEX       the archive's sha256: required for URLs, checked for files
  -h, --help         show this help`,
  packUninstall: `pushback pack uninstall ID [--into DIR]

Remove an installed pack by its id (like @acme/finance-replies).

Options:
  --into DIR         the packs folder; default: the one VS Code's Pushback uses
  -h, --help         show this help`,
} as const;
