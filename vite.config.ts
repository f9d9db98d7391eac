import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { scenariosPlugin } from './src/build/scenariosPlugin.ts';

export default defineConfig({
  // Relative asset paths and hash routes: the build works from any sub-path of a static host.
  base: './',
  plugins: [
    react(),
    scenariosPlugin('scenarios'),
    // Once opened, the whole app (library, player, free-text coder, studio, scenario data) works
    // with no network: a trainee on a train, a clinic without Wi-Fi. Workbox precaches the build;
    // a new version waits for the trainee's consent (see OfflineStatus) instead of reloading mid-turn.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Evoke: MI practice',
        short_name: 'Evoke',
        description: 'Practise Motivational Interviewing with simulated clients who are of two minds about trauma-focused therapy.',
        theme_color: '#087f5b',
        background_color: '#ffffff',
        display: 'standalone',
        icons: [
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,json,woff2}'],
        // The deployment's support contacts may change: network first, the cached copy offline.
        globIgnores: ['evoke.config.json'],
        runtimeCaching: [{ urlPattern: /evoke\.config\.json$/, handler: 'NetworkFirst', options: { cacheName: 'evoke-config' } }],
        navigateFallback: 'index.html',
        // Server endpoints are never answered from the cache.
        navigateFallbackDenylist: [/\/healthz$/, /\/classroom-info$/, /\/ws$/],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
    }),
  ],
  build: {
    outDir: 'dist',
    target: 'es2022',
    chunkSizeWarningLimit: 600,
    // The budget test reads which chunks each route loads.
    manifest: true,
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
