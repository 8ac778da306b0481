import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console's pages, built into dist/console-web, which the console's backend serves.
const here = dirname(fileURLToPath(import.meta.url));
export default defineConfig({
  root: here,
  plugins: [react()],
  build: {
    outDir: resolve(here, '../../../dist/console-web'),
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
