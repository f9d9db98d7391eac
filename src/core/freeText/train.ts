// Trains the coder's model (model.ts) from labelled utterances: multinomial logistic regression,
// full-batch gradient descent with Adam and an L2 penalty, classes weighted so that rare codes
// (persuading with permission) count as much as common ones. Deterministic: same data, same
// weights. Used by `npm run train:coder` and by the cross-validation in `npm run eval:coder`;
// the browser never loads it.
import { MI_CODES, type MiCode } from '../coding/codes.ts';
import { featurise, type CoderModel } from './model.ts';
import { RULES } from './rules.ts';

export interface TrainingExample {
  text: string;
  context: string;
  code: MiCode;
}

export interface TrainOptions {
  epochs?: number;
  l2?: number;
  learningRate?: number;
  /** A word or word-pair feature must occur in at least this many examples to be kept. */
  minCount?: number;
  scale?: number;
}

export function trainModel(examples: readonly TrainingExample[], options: TrainOptions = {}): CoderModel {
  const { epochs = 250, l2 = 0.01, learningRate = 0.05, minCount = 2, scale = 100 } = options;
  const classes = [...MI_CODES];
  const K = classes.length;
  const featurised = examples.map((e) => featurise(e.text, e.context).features);
  const counts = new Map<string, number>();
  for (const fs of featurised) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const kept = [...counts.keys()].filter((f) => f.startsWith('r:') || (counts.get(f) ?? 0) >= minCount).sort();
  const index = new Map(kept.map((f, i) => [f, i]));
  const X = featurised.map((fs) => fs.map((f) => index.get(f)).filter((i): i is number => i !== undefined));
  const y = examples.map((e) => classes.indexOf(e.code));
  const perClass = classes.map((_, c) => y.filter((v) => v === c).length);
  const classWeight = perClass.map((n) => (n ? examples.length / (K * n) : 0));

  const F = kept.length;
  // Rule features start at, and are pulled back towards, the trainer's prior (rules.ts).
  const P = new Float64Array(F * K);
  for (const rule of RULES) {
    const i = index.get(`r:${rule.id}`);
    if (i === undefined || !rule.prior) continue;
    for (const [code, w] of Object.entries(rule.prior)) P[i * K + classes.indexOf(code as MiCode)] = w;
  }
  const W = Float64Array.from(P);
  const b = new Float64Array(K);
  const mW = new Float64Array(F * K);
  const vW = new Float64Array(F * K);
  const mb = new Float64Array(K);
  const vb = new Float64Array(K);
  const gW = new Float64Array(F * K);
  const gb = new Float64Array(K);
  const beta1 = 0.9;
  const beta2 = 0.999;
  const totalWeight = y.reduce((s, c) => s + classWeight[c]!, 0);
  const p = new Float64Array(K);

  for (let epoch = 1; epoch <= epochs; epoch++) {
    gW.fill(0);
    gb.fill(0);
    for (let n = 0; n < X.length; n++) {
      const xs = X[n]!;
      for (let c = 0; c < K; c++) {
        let s = b[c]!;
        for (const i of xs) s += W[i * K + c]!;
        p[c] = s;
      }
      let max = -Infinity;
      for (let c = 0; c < K; c++) max = Math.max(max, p[c]!);
      let sum = 0;
      for (let c = 0; c < K; c++) sum += p[c] = Math.exp(p[c]! - max);
      const w = classWeight[y[n]!]! / totalWeight;
      for (let c = 0; c < K; c++) {
        const g = (p[c]! / sum - (c === y[n] ? 1 : 0)) * w;
        gb[c]! += g;
        for (const i of xs) gW[i * K + c]! += g;
      }
    }
    const c1 = 1 - beta1 ** epoch;
    const c2 = 1 - beta2 ** epoch;
    for (let j = 0; j < W.length; j++) {
      const g = gW[j]! + l2 * (W[j]! - P[j]!);
      mW[j] = beta1 * mW[j]! + (1 - beta1) * g;
      vW[j] = beta2 * vW[j]! + (1 - beta2) * g * g;
      W[j]! -= (learningRate * (mW[j]! / c1)) / (Math.sqrt(vW[j]! / c2) + 1e-8);
    }
    for (let c = 0; c < K; c++) {
      mb[c] = beta1 * mb[c]! + (1 - beta1) * gb[c]!;
      vb[c] = beta2 * vb[c]! + (1 - beta2) * gb[c]! * gb[c]!;
      b[c]! -= (learningRate * (mb[c]! / c1)) / (Math.sqrt(vb[c]! / c2) + 1e-8);
    }
  }

  const weights: Record<string, number[]> = {};
  kept.forEach((f, i) => {
    const row = Array.from(W.subarray(i * K, i * K + K), (v) => Math.round(v * scale));
    // A feature whose weights all round to zero changes no verdict: leave it out of the file.
    if (row.some((v) => v !== 0)) weights[f] = row;
  });
  return { version: 1, classes, scale, bias: Array.from(b, (v) => Math.round(v * scale)), weights };
}
