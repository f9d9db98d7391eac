import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

// Deterministic budget: the JavaScript a trainee downloads before the first client line can be
// answered, gzipped, read from the build's manifest.
const BUDGET_KB = 150;
type Manifest = Record<string, { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[]; src?: string }>;
const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8')) as Manifest;

function closure(keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (k: string) => {
    if (seen.has(k)) return;
    seen.add(k);
    for (const i of manifest[k]?.imports ?? []) visit(i);
  };
  keys.forEach(visit);
  return seen;
}
const gzipKb = (keys: Set<string>) => [...keys].reduce((n, k) => n + gzipSync(readFileSync(`dist/${manifest[k]!.file}`)).length, 0) / 1024;
const key = (pred: (k: string) => boolean) => Object.keys(manifest).find(pred)!;

test(`the player's first load stays within ${BUDGET_KB} KB of gzipped JavaScript`, () => {
  const entry = key((k) => !!manifest[k]!.isEntry);
  const play = key((k) => k.endsWith('routes/PlayPage.tsx'));
  const library = gzipKb(closure([entry]));
  const player = gzipKb(closure([entry, play]));
  // The scenario itself is data: a JSON file fetched when opened, reported beside the budget.
  const data = readdirSync('dist/scenarios').map((f) => gzipSync(readFileSync(`dist/scenarios/${f}`)).length / 1024);
  console.log(`library first load ${library.toFixed(1)} KB, player first load ${player.toFixed(1)} KB of JavaScript; scenario data ${data.map((d) => d.toFixed(1)).join(', ')} KB (gzip)`);
  expect(data.length).toBeGreaterThan(0);
  expect(player).toBeLessThanOrEqual(BUDGET_KB);
  // The YAML parser and checker stay out of both.
  const checker = key((k) => k.endsWith('scenario/check.ts'));
  expect(closure([entry, play]).has(checker)).toBe(false);
});
