// The small model of the free-text coder: a multinomial logistic regression over binary
// features (the rules that fired, the form of the question, advice and its framing together,
// who the first sentence is about, words, word pairs with the topic words blanked out, how the
// text starts and ends, how much it shares with the client's line). Trained by train.ts from the
// project's own labelled data;
// the weights ship as weights.json, so nothing is downloaded at run time.
import type { MiCode } from '../coding/codes.ts';
import { stripLead } from './questionForm.ts';
import { fire, parse, type Parsed, type Rule } from './rules.ts';
import { STOP_WORDS, tokens } from './text.ts';
import type { FreeTextHints } from './types.ts';

export interface CoderModel {
  version: 1;
  classes: MiCode[];
  /** Weights are stored as integers; divide by scale. */
  scale: number;
  bias: number[];
  weights: Record<string, number[]>;
}

export interface Featurised {
  parsed: Parsed;
  hits: { rule: Rule; matched: string }[];
  features: string[];
}

function shape(token: string): string {
  return !/[a-z0-9]/.test(token) || STOP_WORDS.has(token) ? token : 'X';
}

const ADVICE = ['advice_soft', 'directive', 'imperative', 'warning', 'selling', 'arguing'];
const FRAMING = ['advice_framed', 'autonomy', 'permission', 'client_asked'];

/** Who the first sentence is about: the client, the speaker, both, or something else. */
function subjectOf(sentence: string): string {
  const t = stripLead(sentence).replace(/^(it sounds like|sounds like|it seems like|it seems|i guess|i imagine|i think|i hear that|maybe|perhaps)\s+/, '');
  const w = t.split(' ')[0] ?? '';
  if (w === 'you' || w === 'your' || w === 'yourself') return 'you';
  if (w === 'i' || w === 'my' || w === 'me') return 'i';
  if (w === 'we' || w === 'let' || w === 'our') return 'we';
  if (/^(it|this|that|there)$/.test(w)) return 'it';
  if (/^(they|most|many|some|people|lots|a|the|therapy|therapists?|sessions?)$/.test(w)) return 'they';
  return 'other';
}

export function featurise(text: string, context?: string, hints?: FreeTextHints): Featurised {
  const parsed = parse(text, context, hints);
  const hits = fire(parsed);
  const f = new Set<string>();
  for (const h of hits) f.add(`r:${h.rule.id}`);
  const toks = tokens(parsed.norm);
  toks.forEach((t, i) => {
    if (/[a-z0-9]/.test(t)) f.add(`w:${t}`);
    // Word pairs keep their function words and punctuation and blank out the content words
    // ("you are X", "X ?"): the shape of the sentence, which carries over to a new writer and
    // a new client better than the topic words do.
    if (i > 0) f.add(`b:${shape(toks[i - 1]!)}_${shape(t)}`);
  });
  const first = parsed.sentences[0]?.text.split(' ') ?? [];
  const last = parsed.sentences.at(-1)?.text.split(' ') ?? [];
  if (first[0]) f.add(`f:${first[0]}`);
  if (first[1]) f.add(`f2:${first[0]}_${first[1]}`);
  if (last[0]) f.add(`l:${last[0]}`);
  if (last[1]) f.add(`l2:${last[0]}_${last[1]}`);
  if (/\?\s*$/.test(parsed.norm)) f.add('q:end');
  const q = parsed.question;
  f.add(q.markedStatement ? 'qf:marked' : q.form ? `qf:${q.form}` : 'qf:none');
  const share = parsed.textStems.length ? parsed.shared.length / parsed.textStems.length : 0;
  f.add(share === 0 ? 'ov:none' : share < 0.25 ? 'ov:low' : share < 0.5 ? 'ov:mid' : 'ov:high');
  const n = parsed.words.length;
  f.add(n <= 5 ? 'len:short' : n <= 14 ? 'len:mid' : 'len:long');
  f.add(`sent:${Math.min(parsed.sentences.length, 3)}`);
  if (parsed.newFeelings.length) f.add('feel:new');
  // Advice is persuading unless the client asked for it or is plainly free to set it aside
  // (MITI): the model needs the two signs together, not only each on its own.
  const fired = new Set(hits.map((h) => h.rule.id));
  const advice = ADVICE.some((r) => fired.has(r));
  const framed = FRAMING.some((r) => fired.has(r));
  if (advice || framed) f.add(advice && framed ? 'x:advice_framed' : advice ? 'x:advice_bare' : 'x:framed_only');
  f.add(`subj:${subjectOf(parsed.sentences[0]?.text ?? '')}`);
  if (parsed.context.includes('?')) f.add('ctx:question');
  return { parsed, hits, features: [...f] };
}

/** Class probabilities, in the order of model.classes. */
export function predict(model: CoderModel, features: readonly string[]): number[] {
  const scores = model.bias.map((b) => b / model.scale);
  for (const name of features) {
    const w = model.weights[name];
    if (!w) continue;
    for (let c = 0; c < scores.length; c++) scores[c]! += w[c]! / model.scale;
  }
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}
