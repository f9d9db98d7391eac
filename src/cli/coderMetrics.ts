// The figures issue #9 asks of the free-text coder: per-code precision, recall and F1, macro-F1
// over the eleven codes and over the five coarse classes, open-versus-closed accuracy, coverage,
// the confusion matrix and the time per utterance. 'unclear' always counts as wrong.
import { MI_CODES, CODE_INFO, type MiCode } from '../core/coding/codes.ts';
import { COARSE_CLASSES, coarseClass, type CoarseClass } from '../core/freeText/coarse.ts';
import type { CodedUtterance } from '../core/freeText/types.ts';
import type { LabelledUtterance } from './coderData.ts';

export type Predicted = MiCode | 'unclear';

export interface ClassScore {
  label: string;
  support: number;
  predicted: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface CoderReport {
  n: number;
  accuracy: number;
  coverage: number;
  perCode: ClassScore[];
  macroF1: number;
  perCoarse: ClassScore[];
  coarseMacroF1: number;
  coarseAccuracy: number;
  /** Among items whose gold code is a question: the share coded as the right kind of question. */
  openClosed: { n: number; accuracy: number; coded: number; amongCoded: number };
  /** confusion[gold][predicted] counts, predicted including 'unclear'. */
  confusion: Record<MiCode, Record<Predicted, number>>;
  /** Wall-clock time, and the CPU time of this process, which a busy machine disturbs less. */
  timing: { meanMs: number; p99Ms: number; maxMs: number };
  cpuTiming?: { meanMs: number; p99Ms: number; maxMs: number };
  errors: { id: string; text: string; gold: MiCode; predicted: Predicted }[];
}

export function scores<L extends string>(labels: readonly L[], gold: L[], predicted: (L | null)[]): ClassScore[] {
  return labels.map((label) => {
    let tp = 0;
    let support = 0;
    let predictedCount = 0;
    gold.forEach((g, i) => {
      if (g === label) support++;
      if (predicted[i] === label) predictedCount++;
      if (g === label && predicted[i] === label) tp++;
    });
    const precision = predictedCount ? tp / predictedCount : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, support, predicted: predictedCount, precision, recall, f1 };
  });
}

/** Macro-F1 over the classes that occur in the gold labels (an absent class has no recall to speak of). */
export function macroF1(scored: ClassScore[]): number {
  const present = scored.filter((s) => s.support > 0);
  return present.length ? present.reduce((sum, s) => sum + s.f1, 0) / present.length : 0;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export type Coder = (text: string, context?: string) => CodedUtterance;

export function evaluateCoder(items: LabelledUtterance[], coder: Coder): CoderReport {
  const predicted: Predicted[] = [];
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (const item of items) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const r = coder(item.text, item.context);
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    predicted.push(r.code);
  }
  return { ...reportFrom(items, predicted, times), cpuTiming: timingOf(cpuTimes) };
}

function timingOf(times: number[]): CoderReport['timing'] {
  const sorted = [...times].sort((a, b) => a - b);
  return { meanMs: times.length ? times.reduce((a, b) => a + b, 0) / times.length : 0, p99Ms: percentile(sorted, 99), maxMs: sorted.at(-1) ?? 0 };
}

export function reportFrom(items: LabelledUtterance[], predicted: Predicted[], times: number[]): CoderReport {
  const gold = items.map((i) => i.code);
  const asLabel = (p: Predicted): MiCode | null => (p === 'unclear' ? null : p);
  const perCode = scores(MI_CODES, gold, predicted.map(asLabel));
  const goldCoarse = gold.map((g) => coarseClass(g));
  const predCoarse = predicted.map((p) => coarseClass(p));
  const perCoarse = scores<CoarseClass>(COARSE_CLASSES, goldCoarse, predCoarse);
  const confusion = Object.fromEntries(
    MI_CODES.map((g) => [g, Object.fromEntries([...MI_CODES, 'unclear'].map((p) => [p, 0]))]),
  ) as CoderReport['confusion'];
  gold.forEach((g, i) => confusion[g][predicted[i]!]++);
  const questions = gold.map((g, i) => ({ g, p: predicted[i]! })).filter((x) => coarseClass(x.g) === 'question');
  const codedAsQuestions = questions.filter((x) => coarseClass(x.p) === 'question');
  const n = items.length;
  return {
    n,
    accuracy: n ? gold.filter((g, i) => g === predicted[i]).length / n : 0,
    coverage: n ? predicted.filter((p) => p !== 'unclear').length / n : 0,
    perCode,
    macroF1: macroF1(perCode),
    perCoarse,
    coarseMacroF1: macroF1(perCoarse),
    coarseAccuracy: n ? goldCoarse.filter((g, i) => g === predCoarse[i]).length / n : 0,
    openClosed: {
      n: questions.length,
      accuracy: questions.length ? questions.filter((x) => x.g === x.p).length / questions.length : 0,
      coded: codedAsQuestions.length,
      amongCoded: codedAsQuestions.length ? codedAsQuestions.filter((x) => x.g === x.p).length / codedAsQuestions.length : 0,
    },
    confusion,
    timing: timingOf(times),
    errors: items.flatMap((item, i) => (item.code === predicted[i] ? [] : [{ id: item.id, text: item.text, gold: item.code, predicted: predicted[i]! }])),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const f3 = (x: number) => x.toFixed(3);
const short = (p: Predicted) => (p === 'unclear' ? '?' : CODE_INFO[p].short);

export function formatReport(r: CoderReport, title: string): string {
  const lines: string[] = [`${title}: ${r.n} utterances`, ''];
  lines.push('code                        support  precision  recall   F1');
  for (const s of r.perCode) {
    lines.push(`${s.label.padEnd(27)} ${String(s.support).padStart(7)}  ${f3(s.precision).padStart(9)}  ${f3(s.recall).padStart(6)}  ${f3(s.f1)}`);
  }
  lines.push('', 'coarse class                support  precision  recall   F1');
  for (const s of r.perCoarse) {
    lines.push(`${s.label.padEnd(27)} ${String(s.support).padStart(7)}  ${f3(s.precision).padStart(9)}  ${f3(s.recall).padStart(6)}  ${f3(s.f1)}`);
  }
  lines.push(
    '',
    `macro-F1, eleven codes:       ${f3(r.macroF1)}   (target >= 0.70)`,
    `macro-F1, five coarse classes: ${f3(r.coarseMacroF1)}   (target >= 0.80)`,
    `open vs closed accuracy:      ${pct(r.openClosed.accuracy)} of ${r.openClosed.n} questions   (target >= 90%; a question coded as anything else counts as wrong)`,
    `  among those coded as questions: ${pct(r.openClosed.amongCoded)} of ${r.openClosed.coded}`,
    `accuracy (eleven codes):      ${pct(r.accuracy)}; coarse: ${pct(r.coarseAccuracy)}`,
    `coverage (not 'unclear'):     ${pct(r.coverage)}   ('unclear' counts as wrong)`,
    `time per utterance (wall):    mean ${r.timing.meanMs.toFixed(3)} ms, p99 ${r.timing.p99Ms.toFixed(3)} ms, max ${r.timing.maxMs.toFixed(3)} ms   (target <= 5 ms)`,
    ...(r.cpuTiming ? [`time per utterance (CPU):     mean ${r.cpuTiming.meanMs.toFixed(3)} ms, p99 ${r.cpuTiming.p99Ms.toFixed(3)} ms, max ${r.cpuTiming.maxMs.toFixed(3)} ms`] : []),
    '',
    'confusion matrix (rows: gold, columns: coded; ? = unclear)',
  );
  const cols: Predicted[] = [...MI_CODES, 'unclear'];
  lines.push('gold'.padEnd(6) + cols.map((c) => short(c).padStart(5)).join(''));
  for (const g of MI_CODES) lines.push(short(g).padEnd(6) + cols.map((c) => String(r.confusion[g][c] || '.').padStart(5)).join(''));
  return lines.join('\n');
}
