import assert from 'node:assert/strict';
import { parseStakeholderText } from '../../src/core/selection/parseStakeholderText';

/*
 * Who asks, and their title, from the signatures and chat copies people actually
 * paste. Each case states the name and title that must be read — and, for the
 * negatives, that nothing is: an empty field is better than a wrong guess.
 */

const today = '2027-01-06';
const ask = 'Hi Sam,\n\nCould your team build the supplier onboarding portal by 12 March?\n\n';

function requester(text: string): { name?: string; title?: string } {
  const prefill = parseStakeholderText(text, { today });
  return { ...(prefill.requesterName ? { name: prefill.requesterName } : {}), ...(prefill.requesterTitle ? { title: prefill.requesterTitle } : {}) };
}

describe('reading the requester and their title from a signature', () => {
  const cases: [string, string, { name?: string; title?: string }][] = [
    ['"Thanks, Name, Title" on one line', `${ask}Thanks, Maria Lopez, CFO`, { name: 'Maria Lopez', title: 'CFO' }],
    ['"Name | Title" with no sign-off', `${ask}Dana Whitfield | VP Sales`, { name: 'Dana Whitfield', title: 'VP Sales' }],
    ['"Name | Title | Company" after "Thanks,"', `${ask}Thanks,\nDana Whitfield | VP Sales | Northwind Logistics`, { name: 'Dana Whitfield', title: 'VP Sales' }],
    ['the title on the line below the name, no sign-off', `${ask}Maria Lopez\nCFO\nNorthwind Logistics`, { name: 'Maria Lopez', title: 'CFO' }],
    ['the title below the name after "Best regards,"', `${ask}Best regards,\nMaria Lopez\nChief Financial Officer\nNorthwind Logistics\n+1 555 0100`, { name: 'Maria Lopez', title: 'Chief Financial Officer' }],
    ['"Name — Title" with an em dash', `${ask}Kind regards,\nOliver Grant — Head of Procurement`, { name: 'Oliver Grant', title: 'Head of Procurement' }],
    ['"Name, Title" with no sign-off', `${ask}Priya Natarajan, Head of Marketing`, { name: 'Priya Natarajan', title: 'Head of Marketing' }],
    ['a particle in the name', `${ask}Cheers,\nLotte van der Berg\nOperations Manager`, { name: 'Lotte van der Berg', title: 'Operations Manager' }],
    ['a first name only, with the title below', `${ask}Thanks,\nMaria\nCFO`, { name: 'Maria', title: 'CFO' }],
    ['the From: name with the signature\'s title', `From: Maria Lopez <maria.lopez@northwind.example>\nSubject: Supplier portal\n\n${ask}Thanks,\nMaria\nCFO | Northwind`, { name: 'Maria Lopez', title: 'CFO' }],
    // Negatives: a title that belongs to someone else, a company, a slogan.
    ['no title when the signature is someone else\'s than the sender', `From: Tom Okafor <tom@northwind.example>\n\n${ask}Thanks,\nDana Whitfield\nVP Sales`, { name: 'Tom Okafor' }],
    ['no title from a company line below the name', `${ask}Thanks,\nMaria Lopez\nNorthwind Logistics`, { name: 'Maria Lopez' }],
    ['no requester from a company and a department', `${ask}Northwind Logistics | Customer Operations Lead`, {}],
    ['no requester from a lone capitalised last line', `${ask}Supplier Portal`, {}],
    ['no requester from a name and a non-title', `${ask}Dana Whitfield\nSent from my phone`, {}],
    ['no title from a phone number', `${ask}Regards,\nTom Okafor\n+44 20 7946 0000`, { name: 'Tom Okafor' }],
    ['no requester when the text is only a name and a title', 'Dana Whitfield | VP Sales', {}],
    ['no requester from a project name followed by a sentence', `${ask}Project Phoenix\nThe lead on this is still to be decided.`, {}],
  ];
  for (const [what, text, expected] of cases) {
    it(what, () => assert.deepEqual(requester(text), expected));
  }
});

describe('reading the requester of a chat message without a From: line', () => {
  const cases: [string, string, { name?: string; title?: string }][] = [
    ['new Teams: the name, then the time on its own line', 'Dana Whitfield\n10:42 AM\nCould your team build the supplier portal by Friday?', { name: 'Dana Whitfield' }],
    ['new Teams with a day before the time', 'Dana Whitfield\nYesterday 4:15 PM\nCould your team build the supplier portal by Friday?', { name: 'Dana Whitfield' }],
    ['new Teams with a date before the time', 'Ben Adeyemi\n06/01/2027 10:42\nWe need single sign-on for the travel app by the end of Q1.', { name: 'Ben Adeyemi' }],
    ['a guest marked "(External)"', 'Whitfield, Dana (External)\n10:42 AM\nCould your team build the supplier portal by Friday?', { name: 'Dana Whitfield' }],
    ['classic Teams: name and time on one line', 'Dana Whitfield 10:42 AM\nCould your team build the supplier portal by Friday?', { name: 'Dana Whitfield' }],
    ['Slack: name and time with seconds', 'Dana Whitfield  10:42:13 AM\nCould your team build the supplier portal by Friday?', { name: 'Dana Whitfield' }],
    ['WhatsApp, bracketed', '[06/01/2027, 10:42:13] Dana Whitfield: Could your team build the supplier portal by Friday?', { name: 'Dana Whitfield' }],
    ['WhatsApp, dashed', '06/01/2027, 10:42 - Dana Whitfield: Could your team build the supplier portal by Friday?', { name: 'Dana Whitfield' }],
    ['"Name: Hi Sam, …"', 'Dana Whitfield: Hi Sam, could your team build the supplier portal by Friday?', { name: 'Dana Whitfield' }],
    ['a chat signed with a title', 'Could your team build the supplier portal by Friday?\n\nThanks, Maria Lopez, CFO', { name: 'Maria Lopez', title: 'CFO' }],
    ['a chat header name with a signature title for the same person', 'Maria Lopez\n10:42 AM\nCould your team build the supplier portal by Friday?\n\nThanks,\nMaria\nCFO', { name: 'Maria Lopez', title: 'CFO' }],
    // Negatives.
    ['no author from "Subject-like: text"', 'Supplier Portal: could your team build it by Friday?', {}],
    ['no author from a heading followed by a time that is part of the message', 'Standup\nCould your team build the supplier portal by Friday?', {}],
    ['no author from a name line in the middle of the message', 'Could your team build the supplier portal by Friday?\nDana Whitfield\n10:42 AM', {}],
    ['no author from "Name:" with no greeting after it', 'Dana Whitfield: could your team build the supplier portal by Friday?', {}],
    ['no author from a lowercase line before a time', 'see you at\n10:42 AM\nCould your team build the supplier portal by Friday?', {}],
  ];
  for (const [what, text, expected] of cases) {
    it(what, () => assert.deepEqual(requester(text), expected));
  }

  it('keeps the message of a chat line after its author prefix, so the ask and date are still read', () => {
    const prefill = parseStakeholderText('[06/01/2027, 10:42:13] Dana Whitfield: Could your team build the supplier portal by Friday?', { today });
    assert.equal(prefill.title, 'Supplier portal');
    assert.equal(prefill.neededBy, '2027-01-08');
    assert.equal(prefill.evidence.requesterName, 'the message header');
  });

  it('says where a signature with no sign-off was read from, and does not take it as the ask', () => {
    const prefill = parseStakeholderText(`${ask}Dana Whitfield | VP Sales`, { today });
    assert.equal(prefill.evidence.requesterName, 'the signature');
    assert.equal(prefill.title, 'Supplier onboarding portal');
  });
});
