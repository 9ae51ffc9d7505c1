import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// The mock Stash the dev server and `vite preview` forward /graphql to (scripts/start.mjs starts it).
const mockUrl = process.env.STASHKIT_MOCK_URL ?? 'http://127.0.0.1:9999';
const proxy = { '/graphql': { target: mockUrl, changeOrigin: true } };

export default defineConfig({
  plugins: [react()],
  // Workspace packages are used from their TypeScript sources: no library build needed first.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, proxy },
  build: { outDir: 'dist/app', chunkSizeWarningLimit: 1500 },
});
