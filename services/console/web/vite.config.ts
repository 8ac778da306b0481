import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console's pages, built into dist/console-web, which the console's backend serves.
export default defineConfig({
  root: __dirname,
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, '../../../dist/console-web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2_000,
  },
  server: {
    // `vite` for working on the pages: the backend answers everything but the pages themselves.
    proxy: Object.fromEntries(
      ['/api', '/auth', '/admin', '/.well-known'].map((p) => [p, 'http://127.0.0.1:3100']),
    ),
  },
});
