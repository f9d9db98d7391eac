// Incoming classroom messages: typed when sound, refused with a reason otherwise.
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES, parseClientMessage } from '../../src/core/classroom/protocol.ts';

const parse = (v: unknown) => parseClientMessage(JSON.stringify(v));

describe('parseClientMessage', () => {
  it('accepts each message type', () => {
    expect(parse({ type: 'join', code: 'ACDEFG', studentId: 'student-aaaa', handle: 'Ana' })).toEqual({
      ok: true,
      message: { type: 'join', code: 'ACDEFG', studentId: 'student-aaaa', handle: 'Ana' },
    });
    expect(parse({ type: 'create', scenarioId: 'small-test', secret: 'host-secret-123', maxSize: 2000 }).ok).toBe(true);
    expect(parse({ type: 'host', code: 'ACDEFG', secret: 'host-secret-123' }).ok).toBe(true);
    expect(parse({ type: 'watch', code: 'ACDEFG' }).ok).toBe(true);
    expect(parse({ type: 'vote', response: 'reflect' })).toEqual({ ok: true, message: { type: 'vote', response: 'reflect' } });
    expect(parse({ type: 'action', action: 'continue', tieBreak: 'push' })).toEqual({ ok: true, message: { type: 'action', action: 'continue', tieBreak: 'push' } });
    expect(parse({ type: 'ping' }).ok).toBe(true);
  });
  it.each([
    ['not JSON', '{type:', 'message is not JSON'],
    ['an array', '[]', 'message must be a JSON object'],
    ['null', 'null', 'message must be a JSON object'],
    ['a number', '42', 'message must be a JSON object'],
    ['no type', '{}', "'type' is missing"],
    ['an unknown type', '{"type":"hack"}', "unknown message type 'hack'"],
    ['a missing field', '{"type":"vote"}', "'response' is missing"],
    ['a wrong field type', '{"type":"vote","response":3}', "'response' must be text"],
    ['an empty field', '{"type":"vote","response":""}', "'response' must be 1 to 64 characters"],
    ['an extra field', '{"type":"vote","response":"a","__proto__":{"x":1}}', "unexpected field '__proto__'"],
    ['an unknown action', '{"type":"action","action":"delete"}', "'action' must be one of openVote, closeVote, reveal, continue, back, end, discuss"],
    ['a bad size', '{"type":"create","scenarioId":"s","secret":"x","maxSize":-1}', "'maxSize' must be a whole number from 1 to 100000"],
  ])('refuses %s', (_name, text, error) => {
    expect(parseClientMessage(text)).toEqual({ ok: false, error });
  });
  it('refuses messages over the size limit before parsing them', () => {
    const big = JSON.stringify({ type: 'vote', response: 'x'.repeat(MAX_MESSAGE_BYTES) });
    expect(parseClientMessage(big)).toEqual({ ok: false, error: expect.stringContaining('message too large') });
    // Multi-byte characters count as bytes, not characters.
    const wide = JSON.stringify({ type: 'join', code: 'ACDEFG', studentId: 'student-aaaa', handle: 'é'.repeat(2100) });
    expect(parseClientMessage(wide).ok).toBe(false);
    expect(parseClientMessage('{}', MAX_MESSAGE_BYTES + 1).ok).toBe(false);
  });
});
