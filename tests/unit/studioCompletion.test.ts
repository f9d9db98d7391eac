import { describe, expect, it } from 'vitest';
import { completionsAt, enclosingPath } from '../../src/core/scenario/completion.ts';

const known = { nodes: ['opening', 'middle'], endings: ['not-yet'], meters: ['rapport', 'discord'] };

/** Completions where '|' stands in the text. */
function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  return completionsAt(text, offset, known);
}
const labels = (t: string) => at(t)?.options.map((o) => o.label) ?? null;

describe('studio completion', () => {
  it('offers the top-level keys of the format, not those already written', () => {
    const l = labels('format: 1\nid: x\nti|');
    expect(l).toContain('title');
    expect(l).toContain('nodes');
    expect(l).not.toContain('id');
    expect(at('format: 1\nti|')!.from).toBe('format: 1\n'.length);
  });

  it('finds the path through maps and list items by indentation', () => {
    const lines = ['nodes:', '  opening:', '    responses:', '      - id: a', '        say: hi', '        '];
    expect(enclosingPath(lines, 5, 8)).toEqual(['nodes', 'opening', 'responses', '[]']);
    expect(enclosingPath(['nodes:', '  a:', '    responses:', '      - '], 3, 8, 6)).toEqual(['nodes', 'a', 'responses', '[]']);
  });

  it('offers the keys of a response inside a node, minus the ones present', () => {
    const l = labels('nodes:\n  opening:\n    responses:\n      - id: a\n        say: hi\n        |\n        next: middle\n');
    expect(l).toEqual(expect.arrayContaining(['code', 'feedback', 'effects', 'reply']));
    expect(l).not.toContain('say');
    expect(l).not.toContain('next');
    expect(l).not.toContain('client');
  });

  it('offers node keys at node level and meter keys in a full meter', () => {
    expect(labels('nodes:\n  opening:\n    cl|')).toEqual(expect.arrayContaining(['client', 'talk', 'responses']));
    expect(labels('meters:\n  discord:\n    |')).toEqual(expect.arrayContaining(['start', 'higher_is', 'label']));
  });

  it('offers MI codes after code:, in a flow list and as list items', () => {
    expect(labels('nodes:\n  a:\n    responses:\n      - code: open|')).toContain('open_question');
    expect(labels('nodes:\n  a:\n    responses:\n      - code: [simple_reflection, |')).toContain('affirmation');
    expect(labels('nodes:\n  a:\n    responses:\n      - say: x\n        code:\n          - |')).toContain('not_coded');
    expect(at('nodes:\n  a:\n    responses:\n      - code: open|')!.from).toBe('nodes:\n  a:\n    responses:\n      - code: '.length);
  });

  it('offers enum values for talk, outcome and difficulty', () => {
    expect(labels('nodes:\n  a:\n    talk: |')).toEqual(['change', 'sustain', 'neutral', 'discord']);
    expect(labels('endings:\n  done:\n    outcome: |')).toEqual(['commitment', 'small_step', 'not_yet', 'disengaged']);
    expect(labels('difficulty: |')).toEqual(['beginner', 'intermediate', 'advanced']);
  });

  it('offers node and ending ids where a target is named', () => {
    expect(labels('nodes:\n  a:\n    responses:\n      - next: |')).toEqual(['opening', 'middle', 'not-yet']);
    expect(labels('nodes:\n  a:\n    responses:\n      - next:\n          - go: |')).toEqual(['opening', 'middle', 'not-yet']);
    expect(labels('start: |')).toEqual(['opening', 'middle']);
  });

  it('offers meter names in effects and conditions', () => {
    expect(labels('nodes:\n  a:\n    responses:\n      - effects:\n          |')).toEqual(['rapport', 'discord']);
    expect(labels('nodes:\n  a:\n    responses:\n      - effects: { rap|')).toEqual(['rapport', 'discord']);
    expect(labels('nodes:\n  a:\n    client:\n      - when: rapport >= 2 and dis|')).toContain('discord');
  });

  it('offers nothing inside free text or comments', () => {
    expect(at('nodes:\n  a:\n    client: My doctor sent |')).toBeNull();
    expect(at('# a comm|')).toBeNull();
  });
});
