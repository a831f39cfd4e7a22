import { defineConfig } from 'vite';

// The build is embedded in the Go binary (web.go) and committed, so it must be
// deterministic: same sources, same files. Content hashes name the assets.
export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1000,
  },
  server: {
    proxy: {
      '/graphql': { target: process.env.LIVEMARKET_URL ?? 'http://127.0.0.1:8080', ws: true },
    },
  },
});
