// Page load: the built app served by the real server on loopback, opened in headless Chromium
// with a cold cache. Measures the time until the first client line can be answered, and the
// gzipped JavaScript each route downloads.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { BuiltApp } from '../src/build/bundleSizes.ts';
import { createEvokeServer } from '../src/server/app.ts';
import type { Row, Section } from './section.ts';
import { median } from './stats.ts';

const RUNS = 7;
const ROUTES = [
  ['library (#/)', 'routes/LibraryPage.tsx'],
  ['player (#/play/…)', 'routes/PlayPage.tsx'],
  ['progress (#/progress)', 'routes/ProgressPage.tsx'],
  ['results (#/results)', 'routes/ResultsPage.tsx'],
] as const;

export const pageLoadSection: Section = {
  id: 'page-load',
  title: 'Page load (built app, loopback, headless Chromium, cold cache)',
  async run() {
    if (!existsSync('dist/.vite/manifest.json')) throw new Error('no build in dist/: run npm run build first');
    const app = new BuiltApp();
    const rows: Row[] = ROUTES.map(([name, page]) => {
      const kb = app.routeKb(page);
      return { group: 'JavaScript a first visit downloads (gzip)', metric: name, value: Math.round(kb * 10) / 10, unit: 'KB', ...(page.includes('PlayPage') ? { target: '≤ 150 KB', status: kb <= 150 ? ('met' as const) : ('missed' as const) } : { status: 'info' as const }) };
    });

    const server = createEvokeServer({ distDir: 'dist' });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    const toStart: number[] = [];
    const toAnswer: number[] = [];
    try {
      for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const t0 = performance.now();
        await page.goto(`${base}#/play/marcus-pe`);
        const start = page.getByRole('button', { name: 'Start the conversation' });
        await start.waitFor();
        toStart.push(performance.now() - t0);
        await start.click();
        await page.locator('.response-option').first().waitFor();
        toAnswer.push(performance.now() - t0);
        await context.close();
      }
    } finally {
      await browser.close();
      server.close();
    }
    rows.push(
      { group: `Opening a scenario link (median of ${RUNS})`, metric: 'until the start panel shows', value: Math.round(median(toStart)), unit: 'ms', status: 'info' },
      { group: `Opening a scenario link (median of ${RUNS})`, metric: 'until the first client line can be answered (incl. pressing Start)', value: Math.round(median(toAnswer)), unit: 'ms', status: 'info' },
    );
    return { rows, details: { toStartMs: toStart, toAnswerMs: toAnswer } };
  },
};
