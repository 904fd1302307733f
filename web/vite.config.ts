import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// `npm run build:web` writes web/dist, which the API server serves (server/web/serve-web.ts).
// `npx vite --config web/vite.config.ts` serves the app with hot reload and proxies /api to a
// running server (TRIAD_API_URL, default http://127.0.0.1:3000).
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // No inline polyfill script: the Content-Security-Policy will forbid inline scripts.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { '/api': process.env.TRIAD_API_URL ?? 'http://127.0.0.1:3000' } },
});
