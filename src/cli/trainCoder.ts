// npm run train:coder: retrains the free-text coder from the project's own labelled data (the
// hand-written tests/coder-data/train.jsonl, train-b.jsonl and train-c.jsonl, by different writers, and the
// reviewed responses of the shipped scenarios) and writes the weights the coder ships with.
// Deterministic: the same data give the same file. Never reads the held-out or dev files.
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { trainModel } from '../core/freeText/train.ts';
import { trainingSources } from './coderData.ts';

export const WEIGHTS = 'src/core/freeText/weights.json';

const sources = trainingSources();
const started = performance.now();
const model = trainModel(sources.flatMap((s) => s.items));
const json = JSON.stringify(model);
writeFileSync(WEIGHTS, json + '\n');
console.log(
  `trained on ${sources.map((s) => `${s.items.length} from ${s.name}`).join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
    `${Object.keys(model.weights).length} features, ${WEIGHTS} ${(json.length / 1024).toFixed(0)} KB (${(gzipSync(json).length / 1024).toFixed(0)} KB gzipped)`,
);
