// Where checkScenario's time goes, phase by phase, against the plain parse (not part of
// `npm run bench`; run with `npx tsx bench/phases.ts [nodes] [textScale] [runs]`).
import YAML, { LineCounter, parseDocument } from 'yaml';
import { analyzeScenario } from '../src/core/scenario/analyze.ts';
import { checkScenario } from '../src/core/scenario/check.ts';
import { ScenarioFileSchema } from '../src/core/scenario/format.ts';
import { hashText } from '../src/core/scenario/hash.ts';
import { nestingDepthExceeds, readYaml } from '../src/core/scenario/readYaml.ts';
import { playChoices } from '../src/core/engine/rules.ts';
import { generateGraph, toYaml } from './generate.ts';
import { interleaved, median } from './stats.ts';

const nodes = Number(process.argv[2] ?? 1000);
const textScale = Number(process.argv[3] ?? 1);
const runs = Number(process.argv[4] ?? 7);
const text = toYaml(generateGraph(nodes, { textScale }));
const schema = JSON.parse(JSON.stringify(ScenarioFileSchema)) as Parameters<typeof readYaml>[1];
const scenario = checkScenario(text).scenario!;
const { hash: _hash, ...body } = scenario;

const samples = interleaved(
  {
    'YAML.parse (floor)': () => YAML.parse(text),
    'parseDocument only (readYaml options)': () => parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true, strict: true, stringKeys: false }),
    'parseDocument, default options': () => parseDocument(text),
    'TextEncoder byte length': () => new TextEncoder().encode(text).length,
    nestingDepthExceeds: () => nestingDepthExceeds(text, 64),
    readYaml: () => readYaml(text, schema),
    'checkScenario, runTests: false': () => checkScenario(text, { runTests: false }),
    checkScenario: () => checkScenario(text),
    analyzeScenario: () => analyzeScenario(scenario),
    'tests (playChoices)': () => scenario.tests.forEach((t) => playChoices(scenario, t.choose)),
    'hashText(JSON.stringify(body))': () => hashText(JSON.stringify(body)),
  },
  { warmup: 2, runs },
);
console.log(`${nodes} nodes, text scale ${textScale}, ${(text.length / 1024 / 1024).toFixed(2)} MB, median of ${runs}`);
for (const [name, xs] of Object.entries(samples)) console.log(`${median(xs).toFixed(1).padStart(9)} ms  ${name}`);
