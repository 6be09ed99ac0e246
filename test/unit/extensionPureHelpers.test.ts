import assert from 'node:assert/strict';
import { isInsideFolder, mayReadFile, pushbackFileKind } from '../../src/extension/pushbackFiles';
import {
  isOverCommitted,
  problemsText,
  problemsTooltip,
  utilizationLabel,
  utilizationText,
  utilizationTooltip,
} from '../../src/extension/statusBar/utilizationSummary';
import type { TeamUtilization } from '../../src/core/model/utilization';

/** The extension's helpers that need no VS Code: file kinds, trust, and the status bar's words. */
describe('extension helpers without VS Code', () => {
  it('names Pushback\'s files from their names', () => {
    assert.equal(pushbackFileKind('/w/planning/team.capacity.yaml'), 'capacity');
    assert.equal(pushbackFileKind('C:\\w\\team.capacity.yml'), 'capacity');
    assert.equal(pushbackFileKind('/w/team.capacity.json'), 'capacity');
    assert.equal(pushbackFileKind('/w/portal.request.JSON'), 'request');
    assert.equal(pushbackFileKind('/w/pack/pushback-pack.json'), 'packManifest');
    assert.equal(pushbackFileKind('/w/pack/partials/impact.hbs'), 'template');
    assert.equal(pushbackFileKind('/w/capacity.yaml'), undefined);
    assert.equal(pushbackFileKind('/w/team.capacity.csv'), undefined);
    assert.equal(pushbackFileKind('/w/my-pushback-pack.json'), undefined);
  });

  it('reads workspace files only when the workspace is trusted, and its own files always', () => {
    assert.equal(isInsideFolder('/ext/templates/sample/a.capacity.yaml', '/ext'), true);
    assert.equal(isInsideFolder('/ext', '/ext'), false);
    assert.equal(isInsideFolder('/extension-other/a', '/ext'), false);
    assert.equal(isInsideFolder('/ext/../w/a', '/ext'), false);
    assert.equal(mayReadFile('/w/a.capacity.yaml', '/ext', false), false);
    assert.equal(mayReadFile('/w/a.capacity.yaml', '/ext', true), true);
    assert.equal(mayReadFile('/ext/templates/sample/northwind.capacity.yaml', '/ext', false), true);
  });

  const load: TeamUtilization = {
    team: 'Platform & Workplace IT',
    horizon: { start: '2027-01-04', end: '2027-03-26' },
    availableDays: 123.45,
    committedDays: 116,
    utilization: 116 / 123.45,
    horizonWorkingDays: 59,
  };

  it('shows the utilization in the status bar, shortening a long team name', () => {
    assert.equal(utilizationText(load), '$(pulse) Platform & Workplace IT: 94%');
    assert.equal(utilizationText({ ...load, team: 'A very long team name that goes on and on' }), '$(pulse) A very long team name that goes…: 94%');
    assert.equal(utilizationText({ ...load, utilization: null }), '$(pulse) Platform & Workplace IT: no capacity');
    assert.equal(utilizationLabel(load), 'Pushback: Platform & Workplace IT is 94% utilized');
    assert.equal(isOverCommitted(load), false);
    assert.equal(isOverCommitted({ ...load, utilization: 1 }), false);
    assert.equal(isOverCommitted({ ...load, utilization: 1.2 }), true);
    assert.equal(isOverCommitted({ ...load, utilization: null }), false);
  });

  it('explains the figure in the tooltip, with a link to the composer', () => {
    assert.equal(
      utilizationTooltip(load, 'pushback.openComposer'),
      [
        '**Platform & Workplace IT**',
        '',
        '- Horizon: Mon 4 Jan 2027 – Fri 26 Mar 2027 (59 working days)',
        '- Available: 123.5 person-days',
        '- Committed: 116 person-days',
        '- Utilization: **94%** (committed ÷ available, before any new request)',
        '',
        '[Open Composer](command:pushback.openComposer "Draft a reply to a request from this team\'s capacity") to see what a new request would do.',
      ].join('\n'),
    );
    const odd = utilizationTooltip({ ...load, team: 'R&D *core* | $(zap)', utilization: null, horizonWorkingDays: 1 }, 'x');
    assert.match(odd, /^\*\*R&D \\\*core\\\* \\\| \$\\\(zap\)\*\*$/m);
    assert.match(odd, /\(1 working day\)/);
    assert.match(odd, /Utilization: none: no working day/);
  });

  it('counts problems, listing the first five with where they are', () => {
    assert.equal(problemsText(1), '$(warning) Pushback: 1 problem');
    assert.equal(problemsText(3), '$(warning) Pushback: 3 problems');
    const problem = (line: number, file = '/w/t.capacity.yaml') => ({ file, line, column: 1, path: 'members[0].allocation', message: 'must be at most 1', hint: '' });
    const tooltip = problemsTooltip([problem(4), problem(2, '/w/team.csv'), problem(5), problem(6), problem(7), problem(8), problem(9)], '/w/t.capacity.yaml');
    assert.deepEqual(tooltip.split('\n'), [
      '**This capacity file has 7 problems**, so no utilization can be shown.',
      '',
      '- line 4 `members[0].allocation`: must be at most 1',
      '- team.csv line 2 `members[0].allocation`: must be at most 1',
      '- line 5 `members[0].allocation`: must be at most 1',
      '- line 6 `members[0].allocation`: must be at most 1',
      '- line 7 `members[0].allocation`: must be at most 1',
      '- …and 2 more',
      '',
      'Click to open the Problems panel.',
    ]);
  });
});
