import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.PARTNERDESK_API_URL ?? 'http://localhost:3000';

/** Paths the Fastify server answers; the dev server hands them over so the portal runs on one origin. */
const serverPaths = ['/api', '/v1', '/healthz', '/readyz', '/openapi.json', '/docs'];

/**
 * Vendor chunks for the code a cold load runs (`$initial`): they change less often than the app, so
 * browsers keep them cached across releases. Modules only lazy routes use stay in those routes' chunks.
 */
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
  { name: 'fluent', test: /node_modules[\\/](@fluentui|@griffel|tabster|keyborg|@floating-ui|@swc[\\/]helpers|stylis|rtl-css-js)[\\/]/ },
  { name: 'data', test: /node_modules[\\/](@tanstack|zod|i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/ },
];

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  // `#contracts/*` resolves through package.json "imports", which Vite reads itself.
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(serverPaths.map((path) => [path, { target: apiTarget, changeOrigin: false }])),
  },
  preview: {
    proxy: Object.fromEntries(serverPaths.map((path) => [path, { target: apiTarget, changeOrigin: false }])),
  },
  build: {
    outDir: `${projectRoot}dist/web`,
    emptyOutDir: true,
    manifest: true,
    sourcemap: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: vendorGroups.map((group) => ({ ...group, tags: ['$initial' as const] })),
        },
      },
    },
  },
});
