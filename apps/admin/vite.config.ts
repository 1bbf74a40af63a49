/**
 * Vite build of the admin dashboard (react-admin).
 * Run from the repository root: `vite build --config apps/admin/vite.config.ts` / `vite --config apps/admin/vite.config.ts`.
 * JSX is compiled by Vite 8's built-in oxc transform (no @vitejs/plugin-react, hence no fast refresh).
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = __dirname; // Vite injects __dirname when it bundles a config file

/**
 * Vendor chunks. A group also takes the dependencies of what it captures, so priorities matter:
 * react first, then MUI, then react-admin; recharts last so it stays out of the first load
 * (the chart itself is lazy-loaded by the dashboard).
 */
const vendorChunks: ReadonlyArray<{ name: string; priority: number; test: RegExp }> = [
  { name: 'vendor-react', priority: 40, test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  {
    name: 'vendor-mui',
    priority: 30,
    test: /[\\/]node_modules[\\/](@mui|@emotion|@popperjs|react-transition-group|stylis|hoist-non-react-statics|react-is|prop-types|clsx)[\\/]/,
  },
  {
    name: 'vendor-react-admin',
    priority: 20,
    test: /[\\/]node_modules[\\/](react-admin|ra-[^\\/]+|@tanstack|react-router|react-router-dom|react-hook-form|lodash|query-string|inflection|node-polyglot|date-fns|jsonexport|react-dropzone|react-hotkeys-hook|react-error-boundary|dompurify)[\\/]/,
  },
  {
    name: 'vendor-recharts',
    priority: 10,
    test: /[\\/]node_modules[\\/](recharts|d3-[^\\/]+|victory-vendor|internmap|decimal\.js-light|es-toolkit|@reduxjs|redux|react-redux|reselect|immer|eventemitter3|tiny-invariant)[\\/]/,
  },
];

export default defineConfig({
  root,
  base: '/',
  publicDir: resolve(root, 'public'),
  // the engine from its source: the browser runs libs/indicators, never a copy of it
  // the API's contract (types, role policy, writable fields) generated from its code: data and types, no server code
  resolve: {
    alias: {
      '@levier/indicators': resolve(root, '../../libs/indicators/src/index.ts'),
      '@levier/contracts': resolve(root, '../../libs/contracts/src/index.ts'),
    },
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  preview: {
    port: 4173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    sourcemap: false,
    // exceljs (~930 kB) is its own lazy chunk, loaded only when a user exports to XLSX.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      // MUI and friends start with 'use client' (React Server Components); meaningless in a SPA bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: {
        codeSplitting: {
          groups: [...vendorChunks],
        },
      },
    },
  },
});
