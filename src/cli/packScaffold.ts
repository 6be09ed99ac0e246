import type { PackManifest } from '../core/pack/packManifest';

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
    'pushback-pack.json': `${JSON.stringify(manifest, null, 2)}\n`,
    'package.json': `${JSON.stringify(packageJson, null, 2)}\n`,
    [`templates/${SCAFFOLD_TEMPLATE_ID}.hbs`]: TEMPLATE,
    'README.md': readme(id, title),
  };
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
