import { describe, expect, it } from 'vitest';
import { csvCell, turnsToCsv } from '../../src/core/coding/exportTurns.ts';
import { loadScenario, playThrough, SMALL } from './driver.ts';

describe('the turn log as CSV', () => {
  it('has a header and one row per response, retracted ones marked', () => {
    const p = playThrough(loadScenario(SMALL), ['push', 'RETRY', 'reflect', 1]);
    const rows = turnsToCsv(p.snapshot.context.turns).trim().split('\r\n');
    expect(rows).toHaveLength(4);
    expect(rows[0]).toBe('turn,node,client_said,client_talk,client_cue,response,response_id,codes,category,retracted,client_reply,reply_talk,meters_before,meters_after,next');
    expect(rows[1]).toContain(',push,persuade,inconsistent,yes,');
    expect(rows[3]).toContain('complex_reflection+open_question');
  });

  it('quotes commas and quotes, and keeps text starting with = + - @ from running as a formula', () => {
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-1')).toBe("'-1");
  });
});
