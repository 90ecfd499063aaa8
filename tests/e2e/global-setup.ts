/**
 * Builds the app once and serves the build with `vite preview` on a free port for the e2e
 * tests, under the strict CSP header vite.config.ts sets for preview; Chromium is driven by
 * playwright-core (never a downloaded browser). The port is chosen first so the build knows its
 * public address, and writes oembed.json for it. NODE_ENV is Vitest's `test` otherwise, which
 * would build Lit's development code instead of what ships.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

let preview: ChildProcess | undefined;

export async function setup(project: TestProject): Promise<void> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}/`;
  const build = spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', CHRONOMAP_PUBLIC_URL: baseUrl } });
  if (build.status !== 0) throw new Error('vite build failed');
  preview = spawn('node_modules/.bin/vite', ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(baseUrl)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  project.provide('baseUrl', baseUrl);
}

export async function teardown(): Promise<void> {
  preview?.kill();
}
