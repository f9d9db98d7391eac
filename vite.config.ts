import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { scenariosPlugin } from './src/build/scenariosPlugin.ts';

export default defineConfig({
  // Relative asset paths and hash routes: the build works from any sub-path of a static host.
  base: './',
  plugins: [react(), scenariosPlugin('scenarios')],
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
