// npm run train:coder: retrains the free-text coder from the project's own labelled data (the
// hand-written tests/coder-data/train.jsonl and the reviewed responses of the shipped scenarios)
// and writes the weights the coder ships with. Never reads the held-out file.
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { trainModel } from '../core/freeText/train.ts';
import { mineScenarios, readLabelled } from './coderData.ts';

export const WEIGHTS = 'src/core/freeText/weights.json';

const own = readLabelled('tests/coder-data/train.jsonl');
const mined = mineScenarios('scenarios');
const started = performance.now();
const model = trainModel([...own, ...mined]);
const json = JSON.stringify(model);
writeFileSync(WEIGHTS, json + '\n');
console.log(
  `trained on ${own.length} hand-written and ${mined.length} scenario utterances in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
    `${Object.keys(model.weights).length} features, ${WEIGHTS} ${(json.length / 1024).toFixed(0)} KB (${(gzipSync(json).length / 1024).toFixed(0)} KB gzipped)`,
);
