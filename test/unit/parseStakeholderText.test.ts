import assert from 'node:assert/strict';
import { findEffort } from '../../src/core/selection/findEffort';
import { findNeededBy } from '../../src/core/selection/findNeededBy';
import { localIsoDate, referenceInstant } from '../../src/core/selection/localDate';
import { type StakeholderPrefill, parseStakeholderText } from '../../src/core/selection/parseStakeholderText';

/** Wednesday 6 January 2027: every relative date below is read from this day. */
const today = '2027-01-06';

/** The recognised fields only, so a test states exactly what must (and must not) be found. */
function fields(text: string, options: { today?: string; dayFirst?: boolean } = {}) {
  const prefill: Partial<StakeholderPrefill> = parseStakeholderText(text, { today, ...options });
  delete prefill.evidence;
  delete prefill.notes;
  return prefill;
}

describe('reading a stakeholder request from an email or chat message', () => {
  it('reads a copied Outlook email: From line, subject, date, stated effort and signature title', () => {
    const email = `From: Dana Whitfield <dana.whitfield@northwind.example>
Sent: Wednesday, January 6, 2027 9:12 AM
To: Sam Carter <sam.carter@northwind.example>
Subject: RE: Customer self-service order-tracking portal

Hi Sam,

Following up on our chat: could your team build the customer self-service order-tracking portal by 12 March? Our vendor estimate is about 45 days of work. It would cut "where is my order?" calls by a third before the spring peak.

Thanks,
Dana
VP Sales | Northwind Logistics
`;
    const prefill = parseStakeholderText(email, { today });
    assert.deepEqual(fields(email), {
      requesterName: 'Dana Whitfield',
      requesterTitle: 'VP Sales',
      title: 'Customer self-service order-tracking portal',
      neededBy: '2027-03-12',
      effortDays: 45,
    });
    assert.equal(prefill.evidence.neededBy, 'by 12 March');
    assert.equal(prefill.evidence.effortDays, '45 days of work');
    assert.equal(prefill.evidence.requesterName, 'the From: line');
    assert.match(prefill.evidence.title ?? '', /subject/);
  });

  it('reads a classic Teams message: author line, "we need", end of Q1 and weeks of work', () => {
    const chat = `Ben Adeyemi 10:42 AM
Hey Sam — we need single sign-on for the new travel-expenses app before the end of Q1. Should only be 3 weeks of work from what the vendor says. Can you fit it in?`;
    const prefill = parseStakeholderText(chat, { today });
    assert.deepEqual(fields(chat), {
      requesterName: 'Ben Adeyemi',
      title: 'Single sign-on for the new travel-expenses app',
      neededBy: '2027-03-31',
      effortDays: 15,
    });
    assert.equal(prefill.evidence.neededBy, 'before the end of Q1');
    assert.deepEqual(prefill.notes, ['Q1 read as the calendar quarter ending 2027-03-31', 'Effort: 3 weeks × 5 working days']);
  });

  it('reads a one-line chat signed "— Raj", with "can you also deliver", "by Friday" and person-days', () => {
    const chat = 'Hi Sam, can you also deliver the warehouse dashboard refresh by Friday? It\'s roughly 8 person-days. — Raj';
    assert.deepEqual(fields(chat), { requesterName: 'Raj', title: 'Warehouse dashboard refresh', neededBy: '2027-01-08', effortDays: 8 });
  });

  it('reads a "Best, Name" sign-off with a title below, "next Tuesday" and a range of weeks', () => {
    const email = `Hello Sam,

Marketing is launching the spring campaign and we need a landing-page analytics dashboard. Please have it ready next Tuesday if at all possible — the agency quoted 3-4 weeks of work but I think your team knows the stack better.

Best, Priya Natarajan
Head of Marketing
`;
    const prefill = parseStakeholderText(email, { today });
    assert.deepEqual(fields(email), {
      requesterName: 'Priya Natarajan',
      requesterTitle: 'Head of Marketing',
      title: 'Landing-page analytics dashboard',
      neededBy: '2027-01-12',
      effortDays: 20,
    });
    assert.deepEqual(prefill.notes, ['Effort: the upper end of 3–4 weeks; 4 weeks × 5 working days']);
  });

  it('reads a new-Teams copy with a "Last, First" author and "end of month", ignoring the header\'s own date', () => {
    const chat = `[06/01/2027 14:05] Whitfield, Dana
Could we get the returns portal live by end of month? Thanks!`;
    const prefill = parseStakeholderText(chat, { today });
    assert.deepEqual(fields(chat), { requesterName: 'Dana Whitfield', title: 'Returns portal', neededBy: '2027-01-31' });
    assert.equal(prefill.evidence.neededBy, 'by end of month');
  });

  it('keeps only the newest message of a thread, skips a generic subject and notes effort in sprints', () => {
    const email = `From: Okafor, Tom <tom.okafor@northwind.example>
Sent: 05 January 2027 17:30
To: Carter, Sam
Subject: Quick question

Sam,

Is it possible for your team to migrate the legacy file shares to SharePoint before the end of the quarter? It should take about 2 sprints.

Kind regards,
Tom Okafor
Identity & Access Manager
Mobile: +1 555 0100

-----Original Message-----
From: Carter, Sam
Sent: 04 January 2027 10:00
Subject: Quick question

Hi Tom, could you send the list of shares by 12 February please.
`;
    const prefill = parseStakeholderText(email, { today });
    assert.deepEqual(fields(email), {
      requesterName: 'Tom Okafor',
      requesterTitle: 'Identity & Access Manager',
      title: 'Migrate the legacy file shares to SharePoint',
      neededBy: '2027-03-31',
    });
    assert.deepEqual(prefill.notes, [
      'the quarter read as the calendar quarter ending 2027-03-31',
      'The effort is given as “2 sprints”: enter it in person-days.',
    ]);
  });

  it('falls back to the sender\'s address for the name and reads day-first dates when asked to', () => {
    const email = `From: jonas.weber@northwind.example
Subject: FW: [External] Badge reader integration for the new Leeds site

Can you look at this? We need the badge readers integrated by 15/03.

Thanks`;
    const prefill = parseStakeholderText(email, { today, dayFirst: true });
    assert.deepEqual(fields(email, { dayFirst: true }), {
      requesterName: 'Jonas Weber',
      title: 'Badge reader integration for the new Leeds site',
      neededBy: '2027-03-15',
    });
    assert.equal(prefill.evidence.requesterName, 'the sender\'s address');
  });

  it('finds the ask in the body when "can you" is only a request to reply', () => {
    const chat = 'Can you let me know if your team could take on the Wi-Fi upgrade for the Leeds office? Thanks, Grace';
    assert.deepEqual(fields(chat), { requesterName: 'Grace', title: 'Wi-Fi upgrade for the Leeds office' });
  });

  it('reads "your team could", a full signature block with a phone number, and "ideally before"', () => {
    const email = `Hi Sam,

As discussed, we urgently need a replacement for the legacy fax gateway. The vendor says it is roughly 12 person days, ideally done before March 1.

Best regards,

Oliver Grant
Head of Procurement | Northwind
+44 20 7946 0000`;
    assert.deepEqual(fields(email), {
      requesterName: 'Oliver Grant',
      requesterTitle: 'Head of Procurement',
      title: 'Replacement for the legacy fax gateway',
      neededBy: '2027-03-01',
      effortDays: 12,
    });
    const chat = 'We would love it if your team could deliver the new CRM integration by next Friday.\n\nCheers,\nMarta Nowak\nChief Revenue Officer';
    assert.deepEqual(fields(chat), { requesterName: 'Marta Nowak', requesterTitle: 'Chief Revenue Officer', title: 'New CRM integration', neededBy: '2027-01-15' });
  });

  it('reads "we need to…" and "I\'d like your team to…" as the ask', () => {
    assert.equal(fields('We need to migrate the file servers to Office 365 by the end of the year.').title, 'Migrate the file servers to Office 365');
    assert.equal(fields("I'd like your team to build a partner onboarding portal, if possible.").title, 'Partner onboarding portal');
  });

  it('recognises nothing in text that asks for nothing, rather than guessing', () => {
    const prefill = parseStakeholderText('Looks good to me, see you at the review.', { today });
    assert.deepEqual(prefill, { evidence: {}, notes: [] });
  });
});

describe('finding the needed-by date', () => {
  const date = (text: string, at = today) => findNeededBy(text, { today: at })?.date;

  it('prefers a date with a deadline cue over an earlier one without', () => {
    assert.equal(date('Can we talk next Tuesday? We need it no later than 19 February.'), '2027-02-19');
    assert.equal(findNeededBy('Can we talk next Tuesday? We need it no later than 19 February.', { today })?.evidence, 'no later than 19 February');
  });

  it('reads quarters as calendar quarters, rolling to next year once the quarter is over', () => {
    assert.equal(date('by the end of Q2'), '2027-06-30');
    assert.equal(date('by the end of Q1', '2027-05-10'), '2028-03-31');
    assert.equal(date('end of Q4 2028'), '2028-12-31');
    assert.equal(date("by the end of Q3 '27"), '2027-09-30');
    assert.equal(date('needed by Q2-end'), '2027-06-30');
    assert.equal(date('end of Q1 FY28'), '2028-03-31');
    assert.equal(date('before the end of next quarter'), '2027-06-30');
    assert.equal(date('before the end of next quarter', '2027-11-02'), '2028-03-31');
    assert.equal(date('by the end of H1'), '2027-06-30');
  });

  it('reads end of week, month and year, and mid or late in a month', () => {
    assert.equal(date('by the end of the week'), '2027-01-08');
    assert.equal(date('end of next week'), '2027-01-15');
    assert.equal(date('EOW please', '2027-01-09'), '2027-01-15');
    assert.equal(date('by EOM'), '2027-01-31');
    assert.equal(date('by the end of the year'), '2027-12-31');
    assert.equal(date('by mid-March'), '2027-03-15');
    assert.equal(date('late February'), '2027-02-28');
    assert.equal(date('by end of February', '2027-03-02'), '2028-02-29');
  });

  it('ignores times, durations, the past and text without a date', () => {
    assert.equal(date('Dana Whitfield 10:42 AM'), undefined);
    assert.equal(date('it is about 30 days of work'), undefined);
    assert.equal(date('as discussed yesterday'), undefined);
    assert.equal(date('whenever suits'), undefined);
    assert.equal(date('we need it in 3 weeks'), '2027-01-27');
  });
});

describe('finding the stated effort', () => {
  const days = (text: string) => findEffort(text).effort?.days;

  it('takes days, person-days, weeks (× 5) and hours (÷ 8) when clearly effort', () => {
    assert.equal(days('It is about 30 days of work.'), 30);
    assert.equal(days('Sized at 12.5 person-days.'), 12.5);
    assert.equal(days('It should take two weeks.'), 10);
    assert.equal(days('around 40 hours of effort'), 5);
    assert.equal(days('half a day of work'), 0.5);
  });

  it('does not read dates, rates or bare durations as effort', () => {
    assert.equal(days('We need it in 3 weeks.'), undefined);
    assert.equal(days('We meet every 2 weeks.'), undefined);
    assert.equal(days('The launch is 10 days away.'), undefined);
  });

  it('leaves sprints and months for the user to convert', () => {
    assert.deepEqual(findEffort('It will take about 2 months of work.'), { unconverted: '2 months of work' });
  });
});

describe('local dates', () => {
  it('reads the calendar date in the local time zone and builds a local-noon reference', () => {
    assert.equal(localIsoDate(new Date(2027, 0, 6, 23, 59)), '2027-01-06');
    const instant = referenceInstant('2027-01-06');
    assert.deepEqual([instant.getFullYear(), instant.getMonth(), instant.getDate(), instant.getHours()], [2027, 0, 6, 12]);
  });
});
