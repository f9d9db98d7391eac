// The engine's Turn log and steps are versions of append-only logs handed out as array views
// (src/core/engine/appendLog.ts): each must read as an ordinary array and never change once made.
import { describe, expect, it } from 'vitest';
import { appended, withLast } from '../../src/core/engine/appendLog.ts';
import { SMALL, loadScenario, play, playOn } from './driver.ts';

const small = loadScenario(SMALL);

function build(n: number): number[][] {
  const versions: number[][] = [[]];
  for (let i = 0; i < n; i++) versions.push(appended(versions.at(-1)!, i));
  return versions;
}

describe('a version reads as an ordinary array', () => {
  const list = build(5).at(-1)!;

  it('by index, length, at, and every Array method', () => {
    expect(Array.isArray(list)).toBe(true);
    expect(list).toHaveLength(5);
    expect(list[0]).toBe(0);
    expect(list[4]).toBe(4);
    expect(list[5]).toBeUndefined();
    expect(list.at(-1)).toBe(4);
    expect(list.map((x) => x * 2)).toEqual([0, 2, 4, 6, 8]);
    expect(list.filter((x) => x % 2 === 1)).toEqual([1, 3]);
    expect(list.some((x) => x > 3)).toBe(true);
    expect(list.findLastIndex((x) => x < 2)).toBe(1);
    expect(list.slice(0, 2)).toEqual([0, 1]);
    expect(list.concat(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(4 in list).toBe(true);
    expect(5 in list).toBe(false);
  });

  it('spread, for…of, JSON and deep equality', () => {
    expect([...list]).toEqual([0, 1, 2, 3, 4]);
    const seen: number[] = [];
    for (const x of list) seen.push(x);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect(JSON.stringify({ list })).toBe('{"list":[0,1,2,3,4]}');
    expect(list).toEqual([0, 1, 2, 3, 4]);
    expect(Object.keys(list)).toEqual(['0', '1', '2', '3', '4']);
  });

  it('a spread copy is plain data that structuredClone accepts', () => {
    expect(structuredClone([...list])).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('versions never change', () => {
  it('appending leaves every earlier version as it was, each a new array', () => {
    const versions = build(40);
    versions.forEach((v, i) => expect([...v]).toEqual(Array.from({ length: i }, (_, k) => k)));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('replacing the last entry, then appending, leaves the earlier versions as they were', () => {
    const a = build(3).at(-1)!;
    const b = withLast(a, 20);
    const c = appended(b, 3);
    const d = withLast(c, 30);
    expect([...a]).toEqual([0, 1, 2]);
    expect([...b]).toEqual([0, 1, 20]);
    expect([...c]).toEqual([0, 1, 20, 3]);
    expect([...d]).toEqual([0, 1, 20, 30]);
  });

  it('appending to an older version starts a branch without touching the newer one', () => {
    const versions = build(4);
    const older = versions[2]!;
    const newer = versions[4]!;
    const branch = appended(appended(older, 9), 10);
    expect([...branch]).toEqual([0, 1, 9, 10]);
    expect([...newer]).toEqual([0, 1, 2, 3]);
    expect([...appended(newer, 4)]).toEqual([0, 1, 2, 3, 4]);
    expect([...appended(withLast(older, 7), 8)]).toEqual([0, 7, 8]);
    expect([...older]).toEqual([0, 1]);
  });

  it('a write to one version is that version’s own, and carries into what is appended to it', () => {
    const versions = build(3);
    const mine = versions[3]!;
    mine.push(99);
    mine[0] = -1;
    expect([...mine]).toEqual([-1, 1, 2, 99]);
    expect([...versions[3 - 1]!]).toEqual([0, 1]);
    expect([...appended(mine, 5)]).toEqual([-1, 1, 2, 99, 5]);
    expect([...appended(versions[2]!, 2)]).toEqual([0, 1, 2]);
  });

  it('an ordinary array is taken as a version, and is not changed', () => {
    const plain = [1, 2];
    expect([...appended(plain, 3)]).toEqual([1, 2, 3]);
    expect([...withLast(plain, 5)]).toEqual([1, 5]);
    expect(plain).toEqual([1, 2]);
    expect(() => withLast([], 1)).toThrow();
  });
});

describe('in the interaction machine', () => {
  it('a snapshot keeps its turns and steps after a retry and later choices', () => {
    const p = play(small, ['push']);
    const before = p.snapshot.context;
    const retried = playOn(p.actor, ['RETRY']).snapshot.context;
    const later = playOn(p.actor, ['reflect']).snapshot.context;
    expect(before.turns.map((t) => t.retracted)).toEqual([false]);
    expect(before.steps).toHaveLength(1);
    expect(retried.turns.map((t) => t.retracted)).toEqual([true]);
    expect(retried.steps).toHaveLength(2);
    expect(later.turns.map((t) => [t.chosen.id, t.retracted])).toEqual([['push', true], ['reflect', false]]);
    expect(new Set([before.turns, retried.turns, later.turns]).size).toBe(3);
    expect(new Set([before.steps, retried.steps, later.steps]).size).toBe(3);
  });
});
