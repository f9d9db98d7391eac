// The studio's panels jump to the line of a node, an ending or a test.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { idPositions } from '../../src/core/scenario/idPositions.ts';
import { SMALL } from './driver.ts';

describe('idPositions', () => {
  it('finds the line and column of every node, ending and test in small.yaml', () => {
    const text = readFileSync(SMALL, 'utf8');
    const p = idPositions(text);
    const lines = text.split('\n');
    expect(Object.keys(p.nodes)).toEqual(['opening', 'middle']);
    expect(Object.keys(p.endings)).toEqual(['one-session', 'not-yet', 'walked-out']);
    for (const [id, at] of [...Object.entries(p.nodes), ...Object.entries(p.endings)]) {
      expect(lines[at.line - 1]!.slice(at.column - 1)).toMatch(new RegExp(`^${id}:`));
    }
    expect(p.tests).toHaveLength(3);
    for (const at of p.tests) expect(lines[at.line - 1]!.slice(at.column - 1)).toMatch(/^choose:/);
  });

  it('reads flow style and quoted keys too', () => {
    const p = idPositions('nodes: { a: {}, "b": {} }\nendings:\n  end: {}\n');
    expect(p.nodes).toEqual({ a: { line: 1, column: 10 }, b: { line: 1, column: 17 } });
    expect(p.endings).toEqual({ end: { line: 3, column: 3 } });
  });

  it('gives nothing, and does not throw, for text that is not a scenario', () => {
    for (const text of ['', '- a list', 'nodes: [1, 2]', 'key: "unclosed', '\t\tbad: indent']) {
      expect(idPositions(text)).toEqual({ nodes: {}, endings: {}, tests: [] });
    }
  });
});
