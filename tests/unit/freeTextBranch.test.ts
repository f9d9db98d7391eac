// The branch rule for typed answers (scenarios/README.md, "Typed answers"): the coded utterance
// picks one of the node's authored responses, and says which rule did.
import { describe, expect, it } from 'vitest';
import type { MiCode, ResponseCode } from '../../src/core/coding/codes.ts';
import { chooseResponse, modelAnswer, type BranchDecision } from '../../src/core/freeText/branch.ts';
import type { Response, ScenarioNode } from '../../src/core/scenario/types.ts';

function response(id: string, ...codes: ResponseCode[]): Response {
  return { id, index: 0, say: id, codes, feedback: '', effects: {}, next: [{ go: 'end' }] };
}

function node(responses: Response[], fallback?: string): Pick<ScenarioNode, 'responses' | 'fallback'> {
  return { responses: responses.map((r, index) => ({ ...r, index })), ...(fallback ? { fallback } : {}) };
}

const picked = (d: BranchDecision) => (d.kind === 'branch' ? `${d.rule}:${d.response.id}` : d.kind);
const code = (c: MiCode | 'unclear') => ({ code: c, confidence: 0.9, cues: [] });

const full = node([
  response('push', 'persuade'),
  response('ask', 'closed_question'),
  response('open', 'open_question'),
  response('reflect', 'simple_reflection'),
  response('deep', 'complex_reflection'),
]);

describe('chooseResponse', () => {
  it('plays the authored response of the same code', () => {
    expect(picked(chooseResponse(full, code('persuade')))).toBe('same_code:push');
    expect(picked(chooseResponse(full, code('simple_reflection')))).toBe('same_code:reflect');
    expect(picked(chooseResponse(full, code('open_question')))).toBe('same_code:open');
  });

  it('prefers a response that is only that code over one that also does something else', () => {
    const n = node([response('both', 'simple_reflection', 'open_question'), response('only', 'open_question')]);
    expect(picked(chooseResponse(n, code('open_question')))).toBe('same_code:only');
    expect(picked(chooseResponse(n, code('simple_reflection')))).toBe('same_code:both');
  });

  it('does not count a response as the same code when its other code changes the category', () => {
    const n = node([response('reflect-then-advise', 'simple_reflection', 'persuade'), response('open', 'open_question')]);
    expect(picked(chooseResponse(n, code('simple_reflection')))).toBe('same_category:open');
  });

  it('else plays one of the same category, a reflection for a reflection where there is one', () => {
    expect(picked(chooseResponse(full, code('affirmation')))).toBe('same_category:open');
    const n = node([response('open', 'open_question'), response('deep', 'complex_reflection')]);
    expect(picked(chooseResponse(n, code('simple_reflection')))).toBe('same_category:deep');
    expect(picked(chooseResponse(full, code('confront')))).toBe('same_category:push');
    expect(picked(chooseResponse(full, code('giving_information')))).toBe('same_category:ask');
  });

  it('counts not_coded responses as neutral', () => {
    const n = node([response('sympathy', 'not_coded'), response('open', 'open_question')]);
    expect(picked(chooseResponse(n, code('giving_information')))).toBe('same_category:sympathy');
  });

  it("else plays the author's fallback", () => {
    const n = node([response('open', 'open_question'), response('deep', 'complex_reflection'), response('info', 'giving_information')], 'deep');
    expect(picked(chooseResponse(n, code('persuade')))).toBe('fallback:deep');
  });

  it('ignores a fallback that names no response (the checker reports it as E032)', () => {
    const n = node([response('open', 'open_question'), response('info', 'giving_information')], 'gone');
    expect(picked(chooseResponse(n, code('confront')))).toBe('default:info');
  });

  it('else plays the first neutral response, then the first MI-consistent one, then the first', () => {
    expect(picked(chooseResponse(node([response('open', 'open_question'), response('ask', 'closed_question'), response('info', 'giving_information')]), code('persuade')))).toBe('default:ask');
    expect(picked(chooseResponse(node([response('push', 'persuade'), response('open', 'open_question')]), code('closed_question')))).toBe('default:open');
    expect(picked(chooseResponse(node([response('push', 'persuade'), response('label', 'confront')]), code('giving_information')))).toBe('default:push');
  });

  it("gives no branch when the coder is unclear: the trainee rephrases or picks", () => {
    expect(chooseResponse(full, code('unclear'))).toEqual({ kind: 'unclear' });
  });

  it('gives no branch for a node without responses rather than throwing', () => {
    expect(chooseResponse(node([]), code('persuade'))).toEqual({ kind: 'unclear' });
  });
});

describe('modelAnswer', () => {
  it('is the most MI-consistent response: complex reflection first', () => {
    expect(modelAnswer(full)?.id).toBe('deep');
    expect(modelAnswer(node([response('open', 'open_question'), response('reflect', 'simple_reflection')]))?.id).toBe('reflect');
    expect(modelAnswer(node([response('auto', 'emphasizing_autonomy'), response('open', 'open_question')]))?.id).toBe('open');
  });

  it('skips responses whose other code makes them MI-inconsistent', () => {
    expect(modelAnswer(node([response('mixed', 'complex_reflection', 'confront'), response('open', 'open_question')]))?.id).toBe('open');
  });

  it('is the first of equals, and none when nothing MI-consistent is offered', () => {
    expect(modelAnswer(node([response('a', 'simple_reflection'), response('b', 'simple_reflection')]))?.id).toBe('a');
    expect(modelAnswer(node([response('ask', 'closed_question'), response('info', 'giving_information'), response('push', 'persuade')]))).toBeUndefined();
  });
});
