// npm run eval:coder: how well the free-text coder agrees with a labelled file.
//   npm run eval:coder                          the held-out file (never used to build the coder)
//   npm run eval:coder -- --file F.jsonl        any labelled JSON-lines file
//   npm run eval:coder -- --cv 5                cross-validation on the training data: the coder is
//                                               retrained on each 4/5 and scored on the other 1/5
//   npm run eval:coder -- --cross               across writers: each training source in turn is
//                                               scored by a coder trained on the others only
//   --errors lists every miss; --json prints the figures as JSON.
import { parseArgs } from 'node:util';
import { codeUtterance, createCoder } from '../core/freeText/coder.ts';
import { trainModel } from '../core/freeText/train.ts';
import { readLabelled, trainingSources, type LabelledUtterance, type OtherLabelled } from './coderData.ts';
import { evaluateCoder, formatReport, reportFrom, type CoderReport, type Predicted } from './coderMetrics.ts';

// The third sealed set decides issue #9's figures (tests/coder-data/HELDOUT-3-PLAN.md).
export const HELDOUT = 'tests/coder-data/heldout-3.jsonl';

/** A stable fold for each item, so cross-validation gives the same figures on every run. */
export function foldOf(id: string, k: number): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % k;
}

/**
 * Cross-validation over all the training data. The report covers the items of `scored` only
 * (all of them by default), each coded by a model that never saw it.
 */
export function crossValidate(k: number, all: LabelledUtterance[], scored: LabelledUtterance[] = all): CoderReport {
  const predicted = new Map<string, Predicted>();
  const times = new Map<string, number>();
  for (let fold = 0; fold < k; fold++) {
    const coder = createCoder(trainModel(all.filter((x) => foldOf(x.id, k) !== fold)));
    for (const item of all.filter((x) => foldOf(x.id, k) === fold)) {
      const start = performance.now();
      predicted.set(item.id, coder(item.text, item.context).code);
      times.set(item.id, performance.now() - start);
    }
  }
  return reportFrom(scored, scored.map((i) => predicted.get(i.id)!), scored.map((i) => times.get(i.id)!));
}

function main(): number {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      cv: { type: 'string' },
      cross: { type: 'boolean', default: false },
      errors: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('usage: npm run eval:coder [-- --file FILE.jsonl | --cv K | --cross] [--errors] [--json]');
    return 0;
  }
  const reports: [string, CoderReport][] = [];
  const notes: string[] = [];
  if (values.cross) {
    // Across writers: trained on the others' utterances, scored on one writer's. Closer to what a
    // held-out set by someone else measures than cross-validation, where every writer is seen.
    const sources = trainingSources();
    for (const held of sources) {
      const rest = sources.filter((s) => s !== held);
      const coder = createCoder(trainModel(rest.flatMap((s) => s.items)));
      reports.push([`trained on ${rest.map((s) => s.name).join(' + ')}, scored on ${held.name}`, evaluateCoder(held.items, coder)]);
    }
  } else if (values.cv) {
    const k = Number(values.cv);
    if (!Number.isInteger(k) || k < 2) {
      console.error('--cv needs a whole number of folds, 2 or more');
      return 2;
    }
    const sources = trainingSources();
    const all = sources.flatMap((s) => s.items);
    const handWritten = sources.filter((s) => s.name.endsWith('.jsonl')).flatMap((s) => s.items);
    reports.push([`${k}-fold cross-validation, all training data, scored on the hand-written sets`, crossValidate(k, all, handWritten)]);
    reports.push([`${k}-fold cross-validation, all training data (${sources.map((s) => s.name).join(', ')})`, crossValidate(k, all)]);
  } else {
    const file = values.file ?? HELDOUT;
    let items: LabelledUtterance[];
    const others: OtherLabelled[] = [];
    try {
      items = readLabelled(file, others);
    } catch (e) {
      console.error(`eval:coder: ${(e as Error).message}`);
      return 2;
    }
    // A warm-up pass, so the timing measures the coder and not the JIT's first compile.
    for (const item of items.slice(0, 50)) codeUtterance(item.text, item.context);
    reports.push([file, evaluateCoder(items, codeUtterance)]);
    const hard = items.filter((i) => i.hard);
    if (hard.length && hard.length < items.length) reports.push([`${file}, the items marked hard`, evaluateCoder(hard, codeUtterance)]);
    if (others.length) {
      // Outside the eleven codes (e.g. not_coded) there is no code to get right; 'unclear' is the
      // coder's nearest answer, so say how often it gave it, and leave these out of the figures.
      const unclear = others.filter((o) => codeUtterance(o.text, o.context).code === 'unclear').length;
      const codes = [...new Set(others.map((o) => o.code))].join(', ');
      notes.push(`${others.length} item(s) labelled outside the eleven codes (${codes}) are left out of the figures above; the coder said 'unclear' for ${unclear} of them.`);
    }
  }
  for (const [title, r] of reports) {
    if (values.json) {
      const { errors, ...figures } = r;
      console.log(JSON.stringify({ title, ...figures, ...(values.errors ? { errors } : {}) }, null, 2));
      continue;
    }
    console.log(formatReport(r, title));
    if (values.errors) {
      console.log('\nmisses (gold -> coded):');
      for (const e of r.errors) console.log(`  ${e.id}: ${e.gold} -> ${e.predicted}  "${e.text}"`);
    }
    console.log('');
  }
  for (const note of notes) console.log(note);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();
