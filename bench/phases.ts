// Where checkScenario's time goes, phase by phase, against the plain parse (not part of
// `npm run bench`). Run with `node --expose-gc --import tsx bench/phases.ts [nodes,nodes…] [textScale] [runs]`,
// e.g. `bench/phases.ts 100,1000,10000 0.2 5` for growth. Prints the median wall time and the
// median CPU time of this process (which a machine busy with other work inflates far less), and
// for several sizes the growth of each phase from one size to the next beside the parse's own.
import YAML, { LineCounter, parseDocument } from 'yaml';
import { analyzeScenario } from '../src/core/scenario/analyze.ts';
import { checkScenario } from '../src/core/scenario/check.ts';
import { ScenarioFileSchema } from '../src/core/scenario/format.ts';
import { hashText } from '../src/core/scenario/hash.ts';
import { nestingDepthExceeds, readYaml } from '../src/core/scenario/readYaml.ts';
import { playChoices } from '../src/core/engine/rules.ts';
import { generateGraph, toYaml } from './generate.ts';
import { interleaved, lastCpuSamples, median } from './stats.ts';

const sizes = (process.argv[2] ?? '1000').split(',').map(Number);
const textScale = Number(process.argv[3] ?? 1);
const runs = Number(process.argv[4] ?? 7);
const schema = JSON.parse(JSON.stringify(ScenarioFileSchema)) as Parameters<typeof readYaml>[1];

const bySize: { nodes: number; cpu: Record<string, number> }[] = [];
for (const nodes of sizes) {
  const text = toYaml(generateGraph(nodes, { textScale }));
  const scenario = checkScenario(text).scenario!;
  const { hash: _hash, ...body } = scenario;
  const samples = interleaved(
    {
      'YAML.parse (floor)': () => YAML.parse(text),
      'parseDocument (readYaml options)': () => parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: false, strict: true, stringKeys: false }),
      'parseDocument, default options': () => parseDocument(text),
      nestingDepthExceeds: () => nestingDepthExceeds(text, 64),
      readYaml: () => readYaml(text, schema),
      'checkScenario, runTests: false': () => checkScenario(text, { runTests: false }),
      checkScenario: () => checkScenario(text),
      analyzeScenario: () => analyzeScenario(scenario),
      'tests (playChoices)': () => scenario.tests.forEach((t) => playChoices(scenario, t.choose)),
      'hashText(JSON.stringify(body))': () => hashText(JSON.stringify(body)),
    },
    { warmup: nodes >= 10000 ? 0 : 2, runs },
  );
  const cpu = Object.fromEntries(Object.entries(lastCpuSamples).map(([k, xs]) => [k, median(xs)]));
  bySize.push({ nodes, cpu });
  console.log(`\n${nodes} nodes, text scale ${textScale}, ${(text.length / 1024 / 1024).toFixed(2)} MB, median of ${runs} (wall, CPU)`);
  for (const [name, xs] of Object.entries(samples)) console.log(`${median(xs).toFixed(1).padStart(9)} ms ${cpu[name]!.toFixed(1).padStart(9)} ms  ${name}`);
  const floor = cpu['YAML.parse (floor)']!;
  console.log(`checkScenario / YAML.parse: wall ${(median(samples.checkScenario) / median(samples['YAML.parse (floor)'])).toFixed(2)}x, CPU ${(cpu.checkScenario! / floor).toFixed(2)}x`);
}
for (let i = 1; i < bySize.length; i++) {
  const [a, b] = [bySize[i - 1]!, bySize[i]!];
  console.log(`\nGrowth of CPU time from ${a.nodes} to ${b.nodes} nodes (${b.nodes / a.nodes}x = linear)`);
  for (const k of Object.keys(b.cpu)) console.log(`${(b.cpu[k]! / a.cpu[k]!).toFixed(1).padStart(7)}x  ${k}`);
  const own = (c: Record<string, number>) => c.checkScenario! - c['parseDocument (readYaml options)']!;
  console.log(`${(own(b.cpu) / own(a.cpu)).toFixed(1).padStart(7)}x  checkScenario minus its parse (our own work)`);
}
