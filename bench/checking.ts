// Scenario checking: checkScenario against the floor (the yaml package's plain parse of the same
// text) and against the peer (inkjs compiling the same graph written as Ink).
import { Compiler } from 'inkjs/full';
import YAML, { LineCounter, parseDocument } from 'yaml';
import { checkScenario, type CheckResult } from '../src/core/scenario/check.ts';
import { MAX_FILE_BYTES } from '../src/core/scenario/readYaml.ts';
import { generateGraph, toInk, toYaml } from './generate.ts';
import type { Row, Section } from './section.ts';
import { interleaved, lastCpuSamples, median, round, type Plan } from './stats.ts';

/**
 * Realistic lines (60–200 characters) make about 1.9 kB of YAML per node, so a 10,000-node file
 * would be ~19 MB: above the checker's 10 MB cap. The growth series therefore also uses short
 * lines (a fifth of the length), which keeps 10,000 nodes just under the cap.
 */
const SHORT = 0.2;

interface Tier {
  nodes: number;
  textScale: number;
  plan: Plan;
  /** Compile the Ink version too. */
  ink: boolean;
  /** Part of the growth series: also time the parse the checker itself does. */
  growth?: boolean;
}

const TIERS: Tier[] = [
  { nodes: 100, textScale: 1, plan: { warmup: 2, runs: 7 }, ink: true },
  { nodes: 1000, textScale: 1, plan: { warmup: 1, runs: 5 }, ink: true },
  { nodes: 100, textScale: SHORT, plan: { warmup: 2, runs: 9 }, ink: false, growth: true },
  { nodes: 1000, textScale: SHORT, plan: { warmup: 1, runs: 5 }, ink: false, growth: true },
  { nodes: 10000, textScale: SHORT, plan: { warmup: 0, runs: Number(process.env.BENCH_RUNS_10K ?? 1) }, ink: true, growth: true },
];

/**
 * The parse inside checkScenario: the same parser as the floor, without its duplicate-key check
 * (which compares each key with every earlier one) and without toJS. Timed in the growth series
 * to tell the parser's growth from the checker's own.
 */
const parseAsChecked = (text: string): unknown => parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: false, strict: true, stringKeys: false });

const fmtN = (n: number): string => n.toLocaleString('en-US');
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const textName = (scale: number): string => (scale === 1 ? 'realistic text' : 'short text');

function assertClean(result: CheckResult, what: string): void {
  if (result.errors > 0 || !result.scenario) {
    const first = result.diagnostics.filter((d) => d.severity === 'error').slice(0, 5);
    throw new Error(`the generated ${what} does not check clean (${result.errors} errors):\n${first.map((d) => `  ${d.line}:${d.column} ${d.code} ${d.message}`).join('\n')}`);
  }
}

function compileInk(source: string, what: string): void {
  const compiler = new Compiler(source);
  compiler.Compile();
  if (compiler.errors.length > 0) throw new Error(`inkjs could not compile the ${what}:\n  ${compiler.errors.slice(0, 5).join('\n  ')}`);
}

function ownWorkGrowth(group: string, large: number, small: number): Row {
  const metric = "the checker's own work (check − its own parse)";
  if (large <= 0 || small <= 0) return { group, metric, value: null, unit: 'x', display: 'n/a', status: 'info', note: 'check timed below the parse: a noisy run' };
  return { group, metric, value: round(large / small, 1), unit: 'x', status: 'info' };
}

export const checkingSection: Section = {
  id: 'checking',
  title: 'Scenario checking (median ms)',
  run() {
    const rows: Row[] = [];
    const details: Record<string, unknown> = {};
    const medians = new Map<string, { parse: number; check: number; checkParse: number }>();

    for (const tier of TIERS) {
      const graph = generateGraph(tier.nodes, { textScale: tier.textScale });
      const yaml = toYaml(graph);
      const ink = tier.ink ? toInk(graph) : '';
      const bytes = Buffer.byteLength(yaml);
      const what = `${fmtN(tier.nodes)}-node scenario`;
      if (bytes > MAX_FILE_BYTES) throw new Error(`the ${what} is ${mb(bytes)}, above the checker's cap`);

      const first = checkScenario(yaml);
      assertClean(first, what);
      const responses = first.analysis?.responseCount ?? 0;
      const tasks = {
        parse: () => YAML.parse(yaml),
        check: () => assertClean(checkScenario(yaml), what),
        ...(tier.ink ? { ink: () => compileInk(ink, `${what} (Ink)`) } : {}),
        ...(tier.growth ? { checkParse: () => parseAsChecked(yaml) } : {}),
      };
      const samples = interleaved(tasks as Record<string, () => unknown>, tier.plan);
      const parse = median(samples.parse!);
      const check = median(samples.check!);
      const inkMs = tier.ink ? median(samples.ink!) : NaN;
      // CPU time of this process: on a machine busy with other work, wall times swell with the
      // wait for a core, and the ratio of CPU times is the steadier figure.
      const cpu = (k: string) => median(lastCpuSamples[k] ?? []);
      medians.set(`${tier.nodes}:${tier.textScale}`, { parse: cpu('parse'), check: cpu('check'), checkParse: cpu('checkParse') });

      const group = `${fmtN(tier.nodes)} nodes, ${textName(tier.textScale)} (${mb(bytes)} YAML, ${fmtN(responses)} responses; median of ${tier.plan.runs} run${tier.plan.runs > 1 ? 's' : ''})`;
      rows.push(
        { group, metric: 'YAML.parse (floor)', value: round(parse), unit: 'ms', status: 'info' },
        { group, metric: `checkScenario (0 errors, ${first.warnings} warnings)`, value: round(check), unit: 'ms', status: 'info' },
      );
      if (tier.ink) rows.push({ group, metric: 'inkjs compile (peer)', value: round(inkMs), unit: 'ms', status: 'info' });
      const vsParse = check / parse;
      rows.push({ group, metric: 'check / parse', value: round(vsParse, 2), unit: 'x', target: '≤ 1.5x', status: vsParse <= 1.5 ? 'met' : 'missed' });
      const vsParseCpu = cpu('check') / cpu('parse');
      rows.push({ group, metric: 'check / parse, CPU time', value: round(vsParseCpu, 2), unit: 'x', target: '≤ 1.5x', status: vsParseCpu <= 1.5 ? 'met' : 'missed' });
      if (tier.ink) {
        const vsInk = check / inkMs;
        rows.push({ group, metric: 'check / inkjs', value: round(vsInk, 2), unit: 'x', target: '< 1x', status: vsInk < 1 ? 'met' : 'missed' });
      }
      details[`${tier.nodes}-${textName(tier.textScale).replace(' ', '-')}`] = {
        nodes: tier.nodes,
        textScale: tier.textScale,
        yamlBytes: bytes,
        inkBytes: tier.ink ? Buffer.byteLength(ink) : null,
        responses,
        tests: graph.tests.length,
        warnings: first.warnings,
        diagnostics: first.diagnostics.map((d) => `${d.code} ${d.message}`).slice(0, 20),
        plan: tier.plan,
        samplesMs: samples,
        cpuSamplesMs: lastCpuSamples,
        cpuMedianMs: Object.fromEntries(Object.entries(lastCpuSamples).map(([k, xs]) => [k, round(median(xs))])),
      };
    }

    for (const [from, to] of [
      [100, 1000],
      [1000, 10000],
    ] as const) {
      const small = medians.get(`${from}:${SHORT}`)!;
      const large = medians.get(`${to}:${SHORT}`)!;
      const group = `Growth from ${fmtN(from)} to ${fmtN(to)} nodes (${textName(SHORT)}, CPU time; 10x = linear)`;
      const growth = large.check / small.check;
      rows.push(
        { group, metric: 'checkScenario', value: round(growth, 1), unit: 'x', target: '≈ 10x (≤ 12x)', status: growth <= 12 ? 'met' : 'missed' },
        { group, metric: 'YAML.parse (the floor itself)', value: round(large.parse / small.parse, 1), unit: 'x', status: 'info' },
        { group, metric: 'the parse inside the check (no duplicate-key scan, no toJS)', value: round(large.checkParse / small.checkParse, 1), unit: 'x', status: 'info' },
        ownWorkGrowth(group, large.check - large.checkParse, small.check - small.checkParse),
      );
    }

    // The same 10,000 nodes with realistic lines: the checker refuses the file before parsing.
    const big = toYaml(generateGraph(10000, { textScale: 1 }));
    const bigBytes = Buffer.byteLength(big);
    const refused = checkScenario(big);
    const e002 = refused.diagnostics.some((d) => d.code === 'E002');
    rows.push({
      group: 'Size cap',
      metric: '10,000 nodes, realistic text',
      value: round(bigBytes / 1024 / 1024, 1),
      unit: 'MB',
      target: `≤ ${MAX_FILE_BYTES / 1024 / 1024} MB cap`,
      status: bigBytes <= MAX_FILE_BYTES ? 'met' : 'missed',
      note: e002 ? 'refused by the checker (E002)' : `checked: ${refused.errors} errors`,
    });
    details['10000-realistic-text'] = { yamlBytes: bigBytes, refusedWithE002: e002 };

    return { rows, details };
  },
};
