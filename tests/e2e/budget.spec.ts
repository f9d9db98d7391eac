import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { BuiltApp } from '../../src/build/bundleSizes.ts';

// Deterministic budget: the JavaScript a trainee downloads before the first client line can be
// answered, gzipped, read from the build's manifest.
const BUDGET_KB = 150;
// The library once grew to 147 KB unnoticed (a dialog pulled in floating-ui); it is at about
// 117 KB now, and this line keeps it from creeping back.
const LIBRARY_KB = 125;
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
  expect(library).toBeLessThanOrEqual(LIBRARY_KB);
  // The YAML parser and checker stay out of both. They may share a chunk with the studio's
  // worker or the tests runner, so they are recognised by text that survives minifying: one of
  // the yaml package's own messages, and one of the checker's.
  const markers = ['Nested mappings are not allowed in compact mappings', "is both a node and an ending"];
  for (const route of ['routes/PlayPage.tsx', 'routes/LibraryPage.tsx']) {
    const firstLoad = app.closure([app.entry, app.chunk(route)]);
    for (const marker of markers) expect(app.contains(firstLoad, marker), `${route} first load contains "${marker}"`).toBe(false);
  }
  // ...and the markers do exist in the build, so the check above can fail.
  const all = new Set(Object.keys(app.manifest));
  for (const marker of markers) expect(app.contains(all, marker)).toBe(true);
});
