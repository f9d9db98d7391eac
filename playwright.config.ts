import { defineConfig } from '@playwright/test';

// Overridable so that two builds (two work trees) can be tested side by side.
const PORT = Number(process.env.E2E_PORT ?? 4455);
const SUBPATH_PORT = Number(process.env.E2E_SUBPATH_PORT ?? 4456);

export default defineConfig({
  testDir: 'tests/e2e',
  // Two cores: two workers at most, and the server shares them.
  workers: 2,
  fullyParallel: true,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://localhost:${PORT}/`,
    trace: 'retain-on-failure',
    // Motion off (the app honours it): axe then never measures a colour mid-transition.
    reducedMotion: 'reduce',
    // The app's service worker would answer requests from its cache; only the offline spec wants it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      // The closed network refuses Chromium's background calls.
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      command: `node --import tsx src/server/main.ts`,
      env: { PORT: String(PORT), HOST: '127.0.0.1', ...(process.env.EVOKE_DIST ? { EVOKE_DIST: process.env.EVOKE_DIST } : {}), ...(process.env.EVOKE_DATA ? { EVOKE_DATA: process.env.EVOKE_DATA } : {}) },
      url: `http://localhost:${PORT}/healthz`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      command: `node --import tsx tests/e2e/subpathServer.ts`,
      env: { PORT: String(SUBPATH_PORT), ...(process.env.EVOKE_DIST ? { EVOKE_DIST: process.env.EVOKE_DIST } : {}) },
      url: `http://localhost:${SUBPATH_PORT}/healthz`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});
