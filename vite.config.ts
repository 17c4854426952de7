import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, constants as zlib } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes a maximum-compression `.gz` beside every text asset; the server sends it to browsers that
 * accept gzip (@fastify/static `preCompressed`), so no CPU is spent compressing at request time.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'partnerdesk-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
      for (const file of walk(outDir).filter((name) => /\.(js|css|html|svg|json)$/.test(name))) {
        writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: zlib.Z_BEST_COMPRESSION }));
      }
    },
  };
}

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
  // The portal's own shell (API client, i18n, shared UI) that a cold load runs: one chunk rather than a
  // handful of small ones, each with its own overhead.
  { name: 'app', test: /src[\\/]web[\\/]app[\\/]/ },
];

/**
 * The small modules the wizard's first screen shares with other pages (its contracts, form helpers,
 * Fluent's input primitives): one chunk instead of a handful of tiny ones, each a request and a gzip
 * stream of its own.
 */
const wizardShared = {
  name: 'forms',
  test: /(src[\\/]contracts[\\/](onboarding|onboarding-responses|agreements|partners)\.ts|src[\\/]web[\\/]features[\\/]onboarding[\\/](field-errors|api[\\/]country-rules-key|api[\\/]validate-address|api[\\/]get-country-rules|api[\\/]get-latest-agreement)\.ts|src[\\/]web[\\/]features[\\/]onboarding[\\/]components[\\/](fields|step-actions)\.tsx|src[\\/]web[\\/]app[\\/](use-debounced-value\.ts|ui[\\/](panel|loading)\.tsx)|node_modules[\\/]@fluentui[\\/](react-input|react-select|react-message-bar|react-tabster|react-checkbox|react-field)[\\/])/,
  priority: 1,
};

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  // `#contracts/*` resolves through package.json "imports", which Vite reads itself.
  plugins: [react(), precompress()],
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
          groups: [...vendorGroups.map((group) => ({ ...group, priority: 2, tags: ['$initial' as const] })), wizardShared],
        },
      },
    },
  },
});
