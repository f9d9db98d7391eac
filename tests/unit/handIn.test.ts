import { describe, expect, it } from 'vitest';
import { claimedFigures, HANDIN_VERSION, parseHandIn, verifyHandIn, type HandIn } from '../../src/core/coding/handIn.ts';
import { buildReport } from '../../src/core/coding/report.ts';
import { loadScenario, playThrough, SMALL } from './driver.ts';

const small = loadScenario(SMALL);

function handIn(actions: (string | number)[]): HandIn {
  const p = playThrough(small, actions, { mode: 'assessment' });
  const report = buildReport(small, p.snapshot.context.turns, p.at);
  return {
    format: 'evoke-handin', version: HANDIN_VERSION, trainee: 'Ana', scenarioId: small.id, scenarioTitle: small.title, scenarioHash: small.hash,
    mode: 'assessment', steps: p.snapshot.context.steps, endingId: p.at, claimed: claimedFigures(report), handedInAt: '2026-11-25T10:00:00Z',
  };
}

describe('hand-in verification', () => {
  it('verifies an honest hand-in by replaying its choices', () => {
    const h = parseHandIn(JSON.parse(JSON.stringify(handIn(['reflect', 1]))))!;
    const v = verifyHandIn(small, h);
    expect(v.status).toBe('verified');
    expect(v.report!.outcome?.endingId).toBe('one-session');
  });

  it('flags claimed figures that the choices do not give', () => {
    const h = handIn(['push']);
    h.claimed.figures.rq = 3;
    expect(verifyHandIn(small, h)).toMatchObject({ status: 'flagged', reason: expect.stringContaining('R:Q') });
  });

  it('flags a claimed ending the choices do not reach, and choices that do not replay', () => {
    const h = handIn(['reflect', 2]);
    expect(verifyHandIn(small, { ...h, endingId: 'one-session' })).toMatchObject({ status: 'flagged', reason: expect.stringContaining("not the claimed 'one-session'") });
    const bad = { ...h, steps: [{ node: 'opening', choose: 'no-such-response' }] };
    expect(verifyHandIn(small, bad)).toMatchObject({ status: 'flagged', reason: expect.stringContaining('do not replay') });
  });

  it('refuses files that are not hand-ins', () => {
    expect(parseHandIn({ format: 'evoke-history' })).toBeNull();
    expect(parseHandIn(null)).toBeNull();
    expect(parseHandIn({ ...handIn(['push']), mode: 'practice' })).toBeNull();
  });
});
