// Where checkScenario spends its time beyond the plain parse (not part of `npm run bench`).
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profileCheck.ts [nodes] [textScale] [runs] [what]
//   npx tsx bench/profileCheck.ts --summary /tmp/prof/<file>.cpuprofile [top]
// `what` is check (default), parse (YAML.parse), or both. The summary prints self time per
// function and per source file, so the parse's share and ours can be told apart.
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { checkScenario } from '../src/core/scenario/check.ts';
import { generateGraph, toYaml } from './generate.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function summarise(file: string, top: number): void {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  // In an esbuild bundle (run with plain node for exact lines), each module starts after a
  // `// path/to/module.js` comment: map bundle lines back to modules.
  const moduleStarts = new Map<string, { line: number; name: string }[]>();
  const moduleOf = (url: string, line: number): string => {
    if (!/\.[cm]?js$/.test(url) || !url.startsWith('file://')) return url;
    let starts = moduleStarts.get(url);
    if (!starts) {
      starts = [];
      readFileSync(new URL(url), 'utf8')
        .split('\n')
        .forEach((l, i) => {
          const m = /^\/\/ ((?:node_modules|src|bench)\/\S+)$/.exec(l);
          if (m) starts!.push({ line: i, name: m[1]! });
        });
      moduleStarts.set(url, starts);
    }
    let name = url;
    for (const s of starts) if (s.line <= line) name = s.name;
    return name;
  };
  const perFn = new Map<string, number>();
  const perFile = new Map<string, number>();
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    const short = moduleOf(f.url, f.lineNumber).replace(/^.*node_modules\//, '').replace(/^.*\/work\/main\//, '') || '(native)';
    const fn = `${f.functionName || '(anonymous)'}  ${short}:${f.lineNumber + 1}`;
    perFn.set(fn, (perFn.get(fn) ?? 0) + us);
    const group = short.startsWith('yaml/') ? 'yaml (the parser)' : short;
    perFile.set(group, (perFile.get(group) ?? 0) + us);
  }
  const show = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .forEach(([k, us]) => console.log(`${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`));
  console.log(`total sampled ${(total / 1000).toFixed(0)} ms\n-- per file --`);
  show(perFile, 25);
  console.log('-- per function (self) --');
  show(perFn, top);
}

if (process.argv[2] === '--summary') {
  summarise(process.argv[3]!, Number(process.argv[4] ?? 40));
} else {
  const nodes = Number(process.argv[2] ?? 1000);
  const textScale = Number(process.argv[3] ?? 1);
  const runs = Number(process.argv[4] ?? 5);
  const what = process.argv[5] ?? 'check';
  const text = toYaml(generateGraph(nodes, { textScale }));
  for (let i = 0; i < runs; i++) {
    if (what !== 'parse') {
      const r = checkScenario(text);
      if (r.errors > 0) throw new Error(`not clean: ${r.diagnostics[0]?.message}`);
    }
    if (what !== 'check') YAML.parse(text);
  }
}
