import assert from 'node:assert/strict';
import { analysisMarkdown, type AnalysisDocumentInput } from '../../src/core/engine/analysisMarkdown';
import { markdownToHtml } from '../../src/core/engine/markdownOutput';
import { analyze } from '../../src/core/model/analyze';
import { capacitySchema } from '../../src/core/schema/capacity';
import { requestSchema } from '../../src/core/schema/request';
import { namedCapacity as capacity, namedRequest as request } from './fixtures/workedExample';

function document(overrides: Partial<AnalysisDocumentInput> = {}): string {
  const req = overrides.request ?? request;
  const cap = overrides.capacity ?? capacity;
  return analysisMarkdown({ capacity: cap, request: req, analysis: analyze(cap, req), today: '2027-01-04', capacitySource: 'team.capacity.yaml', ...overrides });
}

/** The lines of one `## Section`, without the heading. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`## ${heading}\n`);
  assert.ok(start >= 0, `no section "${heading}" in:\n${markdown}`);
  const rest = markdown.slice(start + heading.length + 4);
  const end = rest.indexOf('\n## ');
  return (end < 0 ? rest : rest.slice(0, end)).trim();
}

describe('the analysis document', () => {
  it('opens with the request, who asks, the team, the capacity source and the date', () => {
    const lines = document().split('\n');
    assert.equal(lines[0], '# Analysis: Portal');
    assert.equal(lines[2], 'Requested by Dana Whitfield (VP Sales) · Platform · capacity from team.capacity.yaml · as of Mon 4 Jan 2027');
  });

  it('gives the worked example\'s headline figures', () => {
    assert.equal(
      section(document(), 'Headline figures'),
      [
        '| Figure | Value |',
        '| --- | ---: |',
        '| Available capacity | 10 days |',
        '| Already committed | 8 days |',
        '| This request | 4 days |',
        '| Utilization before | 80% |',
        '| Utilization after | 120% |',
        '| Overflow | 2 days |',
        '| Working days in the horizon | 10 (Mon 4 Jan 2027 – Fri 15 Jan 2027) |',
      ].join('\n'),
    );
  });

  it('says when the request starts and finishes and whether it meets the date', () => {
    const part = section(document(), 'The request');
    assert.match(part, /\| Starts \| Mon 4 Jan 2027 \|/);
    assert.match(part, /\| Finishes \| Thu 7 Jan 2027 \|/);
    assert.match(part, /\| Needed by \| Fri 8 Jan 2027 \|/);
    assert.match(part, /\| Meets the needed-by date \| yes \|/);
    assert.match(part, /\| Cost of delay \| none given \|/);
  });

  it('tables the delays with their cost and deadline, and totals them', () => {
    const part = section(document(), 'What slips');
    assert.match(part, /^Taking this on delays 2 commitments, costing €800 in all\./);
    assert.match(part, /\| A Alpha \| Thu 7 Jan 2027 \| Wed 13 Jan 2027 \| 4 working days \| €0 \| none \|/);
    assert.match(part, /\| B Beta \| Wed 13 Jan 2027 \| Tue 19 Jan 2027 \| 4 working days \| €800 \| Tue 12 Jan 2027: already late \|/);
  });

  it('gives the funding that avoids the overflow', () => {
    assert.equal(section(document(), 'Funding'), 'To avoid 2 days of overflow: **0.5 FTE** (0.4 needed, asked in steps of 0.5) until Fri 15 Jan 2027, costing **€3,000**.');
  });

  it('lists the four alternatives, marking the proposed one', () => {
    const part = section(document(), 'Alternatives');
    assert.match(part, /\| Defer \| Start it after every commitment: Thu 14 Jan 2027 → Tue 19 Jan 2027\. Delays nobody; finishes \*\*after\*\* the date asked\. \|/);
    assert.match(part, /\| Descope \| 0 days of the 4 days \(0%\) fit by Fri 8 Jan 2027 once the commitments are done\. \|/);
    assert.match(part, /\| \*\*Swap\*\* \(proposed\) \| Pause B Beta, freeing 4 days\. \|/);
    assert.match(part, /\| Fund \| 0\.5 FTE until Fri 15 Jan 2027, costing €3,000\. \|/);
    assert.match(section(document({ proposal: 'fund' }), 'Alternatives'), /\| \*\*Fund\*\* \(proposed\) \|/);
  });

  it('says who informs the CIO, by when and why', () => {
    assert.equal(
      section(document(), 'Informing the CIO'),
      '**Dana Whitfield** informs Elena (Chief Information Officer) by **Mon 4 Jan 2027**, before the work starts, because 2 commitments slip and the horizon overflows by 2 days.',
    );
  });

  it('says plainly when nothing slips and no one needs to inform the CIO', () => {
    const small = requestSchema.parse({ title: 'Tiny', requester: { name: 'Ben' }, effortDays: 1, rank: 5 });
    const markdown = document({ request: small });
    assert.equal(section(markdown, 'What slips'), 'Nothing slips: every commitment finishes when it would have without this request.');
    assert.equal(section(markdown, 'Funding'), "No extra staff is needed: the request fits in the horizon's capacity.");
    assert.match(section(markdown, 'Alternatives'), /\| Swap \| No set of unlocked commitments after it frees enough room\. \|/);
    assert.match(section(markdown, 'Informing the CIO'), /^Not needed: nothing is delayed and the horizon does not overflow\. Were it needed, Ben would inform Elena/);
    assert.match(section(markdown, 'The request'), /\| Needed by \| no date given \|/);
  });

  it('shows a note first when the figures are not the user\'s own request, and lists warnings', () => {
    const noRate = capacitySchema.parse({ ...capacity, members: [{ name: 'Ana' }, { name: 'Ben' }], org: {} });
    const markdown = document({ capacity: noRate, requestNote: 'The draft is incomplete, so this uses the sample request.' });
    assert.equal(markdown.split('\n')[4], '> **Note:** The draft is incomplete, so this uses the sample request.');
    assert.match(section(markdown, 'Funding'), /costing \*\*an amount to be confirmed\*\*\. No contractor daily rate is known/);
    assert.match(section(markdown, 'Informing the CIO'), /informs the CIO by/);

    const weekend = capacitySchema.parse({ ...capacity, horizon: { start: '2027-01-09', end: '2027-01-10' } });
    assert.match(section(document({ capacity: weekend }), 'Warnings'), /^- The horizon has no capacity/);
  });

  it('escapes text from the data, so a title cannot add Markdown or HTML', () => {
    const hostile = requestSchema.parse({ title: '<img src=x> *Portal* | [link](http://x)', requester: { name: 'Eve_' }, effortDays: 1 });
    const html = markdownToHtml(document({ request: hostile }));
    assert.doesNotMatch(html, /<img|<em>|<a /);
    assert.match(html, /&lt;img src=x&gt; \*Portal\* \| \[link\]\(http:\/\/x\)/);
  });
});
