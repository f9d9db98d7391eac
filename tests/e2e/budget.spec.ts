import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { BuiltApp } from '../../src/build/bundleSizes.ts';

// Deterministic budget: the JavaScript a trainee downloads before the first client line can be
// answered, gzipped, read from the build's manifest.
const BUDGET_KB = 150;
const DIST = process.env.EVOKE_DIST ?? 'dist';

test(`the player's first load stays within ${BUDGET_KB} KB of gzipped JavaScript`, () => {
  const app = new BuiltApp(DIST);
  const library = app.routeKb('routes/LibraryPage.tsx');
  const player = app.routeKb('routes/PlayPage.tsx');
  // The scenario itself is data: a JSON file fetched when opened, reported beside the budget.
  const data = readdirSync(`${DIST}/scenarios`).map((f) => gzipSync(readFileSync(`${DIST}/scenarios/${f}`)).length / 1024);
  console.log(`library first load ${library.toFixed(1)} KB, player first load ${player.toFixed(1)} KB of JavaScript; scenario data ${data.map((d) => d.toFixed(1)).join(', ')} KB (gzip)`);
  expect(data.length).toBeGreaterThan(0);
  expect(player).toBeLessThanOrEqual(BUDGET_KB);
  expect(library).toBeLessThanOrEqual(BUDGET_KB);
  // The YAML parser and checker stay out of both.
  const checker = app.chunk('scenario/check.ts');
  expect(app.closure([app.entry, app.chunk('routes/PlayPage.tsx')]).has(checker)).toBe(false);
  expect(app.closure([app.entry, app.chunk('routes/LibraryPage.tsx')]).has(checker)).toBe(false);
});
