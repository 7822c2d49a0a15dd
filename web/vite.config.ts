// Builds the analyst UI (web/src) into web/dist, which the API server serves at "/" with an SPA fallback.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const DEFAULT_DEV_API = 'http://localhost:4000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // cytoscape alone is ~450 kB; it is loaded lazily by the entity page only.
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npx vite web` during development: same-origin /graphql like in production.
    proxy: { '/graphql': process.env.KG_DEV_API ?? DEFAULT_DEV_API },
  },
});
