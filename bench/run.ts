// `npm run bench`: runs each section in turn, prints one table and writes the same figures to
// bench/results/latest.json. A section is one module exporting a Section; list it here.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkingSection } from './checking.ts';
import { classroomSection } from './classroom.ts';
import { engineSection } from './engine.ts';
import { pageLoadSection } from './pageLoad.ts';
import type { Section, SectionOutput } from './section.ts';
import { renderTable } from './table.ts';

const allSections: Section[] = [checkingSection, engineSection, classroomSection, pageLoadSection];
// `tsx bench/run.ts classroom engine` runs only those sections (and writes latest-<ids>.json).
const only = process.argv.slice(2);
const unknown = only.filter((id) => !allSections.some((s) => s.id === id));
if (unknown.length > 0) {
  console.error(`unknown section ${unknown.join(', ')}; the sections are ${allSections.map((s) => s.id).join(', ')}`);
  process.exit(2);
}
const sections = only.length === 0 ? allSections : allSections.filter((s) => only.includes(s.id));

function cpuModel(): string {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) return m[1]!.trim();
  } catch {
    // not Linux
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const machine = {
    cpu: cpuModel(),
    cores: os.cpus().length,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    memoryGB: Math.round(os.totalmem() / 1024 ** 3),
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
  };
  const header = `Evoke benchmarks — ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.platform}, load ${machine.loadAverageAtStart.join(' ')}`;
  console.log(header);

  const results: (SectionOutput & { id: string; title: string; ms: number; error?: string })[] = [];
  for (const s of sections) {
    process.stderr.write(`running ${s.title}… `);
    const t0 = performance.now();
    try {
      const out = await s.run();
      results.push({ id: s.id, title: s.title, ...out, ms: Math.round(performance.now() - t0) });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      results.push({ id: s.id, title: s.title, rows: [], error: message, ms: Math.round(performance.now() - t0) });
      process.exitCode = 1;
    }
    process.stderr.write(`${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }

  const totalMs = Date.now() - startedAt.getTime();
  console.log();
  console.log(renderTable(results));
  const loadEnd = os.loadavg();
  console.log(`\n(total ${(totalMs / 1000).toFixed(0)} s; load average at start ${machine.loadAverageAtStart.join(' ')}, at end ${loadEnd.map((l) => l.toFixed(2)).join(' ')})`);
  if (Math.max(machine.loadAverageAtStart[0]!, loadEnd[0]!) > machine.cores) {
    console.log(`CAUTION: the machine was busy (load above ${machine.cores} cores); timings are inflated and ratios noisy. Run again when it is idle.`);
  }

  const dir = join(dirname(fileURLToPath(import.meta.url)), 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, only.length === 0 ? 'latest.json' : `latest-${sections.map((s) => s.id).join('-')}.json`);
  const json = { startedAt: startedAt.toISOString(), totalMs, machine: { ...machine, loadAverageAtEnd: os.loadavg() }, sections: results };
  writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
  console.log(`wrote ${file}`);
}

await main();
