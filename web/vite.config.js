import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress.mjs';

const src = resolve(import.meta.dirname, 'src');

// Multi-page build: one HTML entry per page; shared code and ECharts become hashed chunks in
// /assets/ (served with a one-year immutable Cache-Control by the gateway), the HTML is never
// cached. The output lands in target/classes/web, so the Maven jar carries it to the gateway.
export default defineConfig({
  root: src,
  base: '/',
  publicDir: false,
  build: {
    outDir: resolve(import.meta.dirname, 'target/classes/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    // no inline <script> or data: modules: the CSP allows scripts from 'self' only
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rollupOptions: {
      input: {
        portal: resolve(src, 'portal/index.html'),
        document: resolve(src, 'portal/document.html'),
        data: resolve(src, 'portal/data/index.html'),
        console: resolve(src, 'console/index.html'),
      },
    },
  },
  plugins: [precompress()],
});
