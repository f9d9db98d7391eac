// The small model of the free-text coder: a multinomial logistic regression over binary
// features (the rules that fired, words and word pairs, how the text starts and ends, how much
// it shares with the client's line). Trained by train.ts from the project's own labelled data;
// the weights ship as weights.json, so nothing is downloaded at run time.
import type { MiCode } from '../coding/codes.ts';
import { fire, parse, type Parsed, type Rule } from './rules.ts';
import { tokens } from './text.ts';
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

export function featurise(text: string, context?: string, hints?: FreeTextHints): Featurised {
  const parsed = parse(text, context, hints);
  const hits = fire(parsed);
  const f = new Set<string>();
  for (const h of hits) f.add(`r:${h.rule.id}`);
  const toks = tokens(parsed.norm);
  toks.forEach((t, i) => {
    if (/[a-z0-9]/.test(t)) f.add(`w:${t}`);
    if (i > 0) f.add(`b:${toks[i - 1]}_${t}`);
  });
  const first = parsed.sentences[0]?.text.split(' ') ?? [];
  const last = parsed.sentences.at(-1)?.text.split(' ') ?? [];
  if (first[0]) f.add(`f:${first[0]}`);
  if (first[1]) f.add(`f2:${first[0]}_${first[1]}`);
  if (last[0]) f.add(`l:${last[0]}`);
  if (last[1]) f.add(`l2:${last[0]}_${last[1]}`);
  if (/\?\s*$/.test(parsed.norm)) f.add('q:end');
  const share = parsed.textStems.length ? parsed.shared.length / parsed.textStems.length : 0;
  f.add(share === 0 ? 'ov:none' : share < 0.25 ? 'ov:low' : share < 0.5 ? 'ov:mid' : 'ov:high');
  const n = parsed.words.length;
  f.add(n <= 5 ? 'len:short' : n <= 14 ? 'len:mid' : 'len:long');
  f.add(`sent:${Math.min(parsed.sentences.length, 3)}`);
  if (parsed.newFeelings.length) f.add('feel:new');
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
