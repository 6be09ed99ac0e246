import assert from 'node:assert/strict';
import { completeFrontMatter } from '../../src/core/frontMatterCompletion/completeFrontMatter';

/** Completion in a template's front matter: where the cursor is decides what is offered. */
describe('front matter completion', () => {
  /** The suggestions' labels at the `|` in `text`. */
  const labels = (text: string) => {
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('|'));
    return completeFrontMatter(text.replace('|', ''), line, lines[line].indexOf('|')).map((s) => s.label);
  };

  it('offers the template keys not yet written at the left margin', () => {
    const offered = labels('---\nid: x\nname: X\n|\nchannel: email\n---\nbody');
    assert.ok(offered.includes('fields') && offered.includes('description') && offered.includes('subject'), offered.join());
    assert.ok(!offered.includes('id') && !offered.includes('name') && !offered.includes('channel'), 'a key already written is offered again');
    assert.ok(!offered.includes('kind'), 'a field key at the template level');
  });

  it('offers field keys in a list item under fields:, without those the item has', () => {
    const offered = labels('---\nid: x\nfields:\n  - id: briefingDate\n    |\n  - id: other\n    kind: toggle\n---\n');
    assert.deepEqual(offered.sort(), ['default', 'help', 'kind', 'label', 'max', 'min', 'options', 'required']);
    const newItem = labels('---\nfields:\n  - id: a\n    kind: date\n  - |\n---\n');
    assert.ok(newItem.includes('id') && newItem.includes('kind'), newItem.join());
  });

  it("offers a key's allowed values after `key: `", () => {
    assert.deepEqual(labels('---\nfields:\n  - id: a\n    kind: |\n---\n'), ['text', 'longtext', 'number', 'date', 'choice', 'toggle', 'person']);
    assert.deepEqual(labels('---\nfields:\n  - kind: da|\n---\n'), ['text', 'longtext', 'number', 'date', 'choice', 'toggle', 'person']);
    assert.deepEqual(labels('---\nchannel: |\n---\n'), ['email', 'teams', 'chat', 'document']);
    assert.deepEqual(labels('---\nfields:\n  - id: a\n    required: |\n---\n'), ['true', 'false']);
    assert.deepEqual(labels('---\nname: |\n---\n'), [], 'a free-text key has no values');
  });

  it('says which keys have values to suggest next', () => {
    const suggestions = completeFrontMatter('---\n\n---\n', 1, 0);
    assert.equal(suggestions.find((s) => s.label === 'channel')?.hasValues, true);
    assert.equal(suggestions.find((s) => s.label === 'name')?.hasValues, false);
    assert.match(suggestions.find((s) => s.label === 'fields')?.documentation ?? '', /fields\.<id>/);
  });

  it('offers nothing outside the front matter, in a list of strings, or without front matter', () => {
    assert.deepEqual(labels('---\nid: x\n---\n|'), []);
    assert.deepEqual(labels('Hello |'), []);
    assert.deepEqual(labels('---\ninputs:\n  - |\n---\n'), []);
    assert.deepEqual(labels('---\nid: x # |\n---\n'), []);
  });
});
