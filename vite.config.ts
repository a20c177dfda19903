/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { serveBuiltInData } from './scripts/vite-data-plugin.ts';

export default defineConfig({
  plugins: [react(), serveBuiltInData()],
  // WI_DIST lets several checkouts' builds and browser tests run side by side without sharing dist/.
  build: { target: 'es2022', chunkSizeWarningLimit: 1500, outDir: process.env.WI_DIST ?? 'dist' },
  worker: { format: 'es' },
  test: {
    // Two projects: fast pure-code unit tests, and end-to-end tests that drive
    // the production build in the system Chromium (tests/e2e/harness.ts).
    projects: [
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
