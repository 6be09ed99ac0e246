import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { draftReplyFromFiles } from '../core/draft/draftReplyFromFiles';
import { loadPack } from '../core/pack/loadPack';
import { PACK_MANIFEST, type PackManifest } from '../core/pack/packManifest';
import { type Result, failed, ok } from '../core/problems';
import { nodeFileSystem } from './nodeFileSystem';

export const SCAFFOLD_TEMPLATE_ID = 'yes-and-next-steps';

/**
 * The files `pushback pack new` writes, by relative path, except the expected
 * output, which is rendered from these (so `pack test` passes straight away and the
 * author sees what the template produces). Sample data is copied from the built-in pack.
 */
export function scaffoldFiles(id: string, pushbackVersion: string): Record<string, string> {
  const name = id.split('/')[1];
  const title = `${name.charAt(0).toUpperCase()}${name.slice(1).replace(/[-._]+/g, ' ')}`;
  const manifest = {
    id,
    name: title,
    version: '0.1.0',
    description: `${title}: our team's replies to stakeholder requests.`,
    license: 'UNLICENSED',
    engines: { pushback: `^${pushbackVersion}` },
    templates: [{ file: `templates/${SCAFFOLD_TEMPLATE_ID}.hbs`, id: SCAFFOLD_TEMPLATE_ID, name: 'Yes, and — next steps' }],
    partials: {},
    defaults: {},
    examples: [
      {
        template: SCAFFOLD_TEMPLATE_ID,
        request: 'examples/sample.request.yaml',
        capacity: 'examples/sample.capacity.yaml',
        expected: `examples/${SCAFFOLD_TEMPLATE_ID}.md`,
        today: '2027-01-04',
      },
    ],
  } satisfies PackManifest;
  const packageJson = {
    name: id,
    version: manifest.version,
    description: manifest.description,
    keywords: ['pushback-pack'],
    license: manifest.license,
  };
  return {
    [PACK_MANIFEST]: `${JSON.stringify(manifest, null, 2)}\n`,
    'package.json': `${JSON.stringify(packageJson, null, 2)}\n`,
    [`templates/${SCAFFOLD_TEMPLATE_ID}.hbs`]: TEMPLATE,
    'README.md': readme(id, title),
  };
}

export interface ScaffoldPackOptions {
  pushbackVersion: string;
  /** The sample request and capacity copied into `examples/` (the built-in pack's). */
  sample: { requestFile: string; capacityFile: string };
}

export interface ScaffoldedPack {
  /** Every file written, relative to the pack folder, sorted. */
  files: string[];
  /** The template to open first. */
  templateFile: string;
}

/**
 * Write a new pack into `dir` (created when missing; refused when it holds anything
 * but dot-files). `pushback pack new` and the editor's New Template Pack both call
 * this, so a pack made either way is the same. The expected output is rendered, not
 * written by hand, so the new pack passes its own `pack test`.
 */
export async function writeScaffoldedPack(dir: string, id: string, options: ScaffoldPackOptions): Promise<Result<ScaffoldedPack>> {
  const existing = await fsp.readdir(dir).catch(() => [] as string[]);
  if (existing.some((name) => !name.startsWith('.'))) {
    return failed([{ file: dir, line: 1, column: 1, path: '', message: 'is not empty', hint: 'make the pack in a new folder: pushback pack new my-pack' }]);
  }
  const files: Record<string, string> = {
    ...scaffoldFiles(id, options.pushbackVersion),
    'examples/sample.request.yaml': await fsp.readFile(options.sample.requestFile, 'utf8'),
    'examples/sample.capacity.yaml': await fsp.readFile(options.sample.capacityFile, 'utf8'),
  };
  for (const [relative, text] of Object.entries(files)) {
    await fsp.mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
    await fsp.writeFile(path.join(dir, relative), text, 'utf8');
  }
  const pack = await loadPack(nodeFileSystem, dir, { pushbackVersion: options.pushbackVersion });
  if (!pack.ok) return pack;
  const draft = await draftReplyFromFiles(nodeFileSystem, {
    requestFile: path.join(dir, 'examples/sample.request.yaml'),
    capacityFile: path.join(dir, 'examples/sample.capacity.yaml'),
    packs: [pack.value],
    templateId: SCAFFOLD_TEMPLATE_ID,
    today: '2027-01-04',
  });
  if (!draft.ok) return draft;
  const expected = `examples/${SCAFFOLD_TEMPLATE_ID}.md`;
  await fsp.writeFile(path.join(dir, expected), draft.value.markdown, 'utf8');
  return ok({ files: [...Object.keys(files), expected].sort(), templateFile: path.join(dir, 'templates', `${SCAFFOLD_TEMPLATE_ID}.hbs`) });
}

const TEMPLATE = `---
id: ${SCAFFOLD_TEMPLATE_ID}
name: Yes, and — next steps
description: A short yes that names the impact, what slips, what funding would avoid it, and the next step. Edit it to sound like your team.
tone: warm, direct
channel: email
subject: "Re: {{request.title}}"
inputs: [request.title, request.requester.name, request.effortDays]
---
Hi {{firstName request.requester.name}},

Yes, we can take on **{{request.title}}**. It is about {{days request.effortDays}} of work{{#if analysis.utilizationAfter}}, taking {{capacity.team}} from {{percent analysis.utilizationBefore}} to {{percent analysis.utilizationAfter}} of its capacity{{/if}}.

{{#if analysis.delays}}
To make room, {{figures.delayCount}} {{plural figures.delayCount "commitment slips" "commitments slip"}}{{#if analysis.totalCostOfDelay}}, costing {{money analysis.totalCostOfDelay}} in delay{{/if}}.
{{else}}
Nothing already promised moves.
{{/if}}
{{#if (gt analysis.overflowDays 0)}}
Funding {{fte analysis.funding.fteRequested}} of extra staff would avoid that{{#unless (eq analysis.funding.cost null)}} ({{money analysis.funding.cost}}){{/unless}}.
{{/if}}

{{#if analysis.informCio.needed}}
{{figures.informer}} will let {{figures.cio}} know by {{date analysis.informCio.by}}.
{{/if}}

Shall we agree the next step this week?

{{#if org.me.name}}
{{org.me.name}}
{{/if}}
`;

function readme(id: string, title: string): string {
  return `# ${title}

A Pushback template pack: \`${id}\`.

- \`templates/\` holds the replies (Handlebars with front matter; only Pushback's built-in helpers exist).
- \`examples/\` holds a sample request and team, and the reply each example must render to.

Check it the way CI does:

\`\`\`sh
npx pushback pack validate . && npx pushback pack test .
\`\`\`

After changing a template on purpose, \`npx pushback pack test . --update\` rewrites the expected
replies; review the diff before committing. Share it with \`npx pushback pack export .\` (a zip)
or \`npm publish\` to your team's registry.
`;
}
