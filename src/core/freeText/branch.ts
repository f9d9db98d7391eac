// Which authored response a typed answer plays. The coder names the code; the author's client
// reacts through one of the node's own responses, so the conversation stays believable. Pure:
// the player, the tests and any later tool decide the same way (scenarios/README.md, "Typed
// answers").
import { categoryOf, CODE_INFO, type MiCode, type ResponseCode } from '../coding/codes.ts';
import type { Response, ScenarioNode } from '../scenario/types.ts';
import { MAX_TYPED_LENGTH, type BranchRule, type CodedUtterance, type FreeTextHints, type TypedAnswer } from './types.ts';

export type { BranchRule } from './types.ts';

export type BranchDecision =
  | { kind: 'branch'; response: Response; rule: BranchRule }
  /** The coder could not tell: ask the trainee to rephrase or to pick a response. */
  | { kind: 'unclear' };

/** Why the client reacted as they did, to follow "<client> reacted as to ...". */
export const BRANCH_RULE_WORDS: Readonly<Record<BranchRule, string>> = {
  same_code: 'the written response with the same code',
  same_category: 'the nearest written response of the same kind, as none here has this code',
  fallback: "the response the scenario's author chose for answers that fit nothing written here",
  default: 'the nearest written response, as none here has this code or kind',
};

export function chooseResponse(node: Pick<ScenarioNode, 'responses' | 'fallback'>, coded: Pick<CodedUtterance, 'code'>): BranchDecision {
  if (coded.code === 'unclear') return { kind: 'unclear' };
  const code = coded.code;
  const responses = node.responses;
  const category = CODE_INFO[code].category;

  // A response that is only this code is the closest; next one that also does something else,
  // unless that something else changes how the client takes it (a reflection plus advice).
  const sameCode =
    responses.find((r) => r.codes.length === 1 && r.codes[0] === code) ??
    responses.find((r) => r.codes.includes(code) && categoryOf(r.codes) === category);
  if (sameCode) return { kind: 'branch', response: sameCode, rule: 'same_code' };

  const sameCategory = responses.filter((r) => categoryOf(r.codes) === category);
  if (sameCategory.length) {
    // Within a category, a reflection for a reflection and a question for a question.
    const total = CODE_INFO[code].total;
    const sameTotal = total ? sameCategory.find((r) => r.codes.some((c) => CODE_INFO[c].total === total)) : undefined;
    return { kind: 'branch', response: sameTotal ?? sameCategory[0]!, rule: 'same_category' };
  }

  const fallback = node.fallback !== undefined ? responses.find((r) => r.id === node.fallback) : undefined;
  if (fallback) return { kind: 'branch', response: fallback, rule: 'fallback' };

  const byCategory = (c: 'neutral' | 'consistent') => responses.find((r) => categoryOf(r.codes) === c);
  const response = byCategory('neutral') ?? byCategory('consistent') ?? responses[0];
  // A checked node always has a response; an empty one can only come from a hand-built test node.
  return response ? { kind: 'branch', response, rule: 'default' } : { kind: 'unclear' };
}

/**
 * The order in which a code makes a good model answer: what MI trainers reach for first when the
 * client has just spoken. Reflections lead (complex over simple), then the open question, then
 * the other MI-adherent behaviours; codes after seeking_collaboration are never shown as models.
 */
export const MODEL_ORDER: readonly MiCode[] = [
  'complex_reflection',
  'simple_reflection',
  'open_question',
  'affirmation',
  'emphasizing_autonomy',
  'seeking_collaboration',
];

function modelRank(codes: readonly ResponseCode[]): number {
  if (categoryOf(codes) !== 'consistent') return Infinity;
  const ranks = codes.map((c) => (MODEL_ORDER as readonly string[]).indexOf(c)).filter((i) => i >= 0);
  return ranks.length ? Math.min(...ranks) : Infinity;
}

/** The node's most MI-consistent authored response, shown as a model answer; none when the node has no MI-consistent response. */
export function modelAnswer(node: Pick<ScenarioNode, 'responses'>): Response | undefined {
  let best: Response | undefined;
  let bestRank = Infinity;
  for (const r of node.responses) {
    const rank = modelRank(r.codes);
    if (rank < bestRank) {
      best = r;
      bestRank = rank;
    }
  }
  return best;
}

/** The author's free-text help at a node, as the coder takes it. */
export function hintsOf(node: Pick<ScenarioNode, 'hints' | 'feelings'>): FreeTextHints {
  return { keywords: [...node.hints], feelings: [...(node.feelings ?? [])] };
}

export type TypedDecision = { kind: 'unclear'; coded: CodedUtterance } | { kind: 'branch'; responseId: string; typed: TypedAnswer };

/** From the coder's verdict to what the engine records: the response to play and the typed turn. */
export function decideTyped(node: Pick<ScenarioNode, 'responses' | 'fallback'>, text: string, coded: CodedUtterance): TypedDecision {
  const decision = chooseResponse(node, coded);
  if (decision.kind === 'unclear' || coded.code === 'unclear') return { kind: 'unclear', coded };
  const confidence = Number.isFinite(coded.confidence) ? Math.min(1, Math.max(0, coded.confidence)) : 0;
  return {
    kind: 'branch',
    responseId: decision.response.id,
    typed: { text: text.trim().slice(0, MAX_TYPED_LENGTH), code: coded.code, confidence, cues: [...coded.cues], rule: decision.rule },
  };
}
