/**
 * Builds the app once and serves the build with `vite preview` on a free port for the e2e
 * tests; Chromium is driven by playwright-core (never a downloaded browser).
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
  // Vitest sets NODE_ENV=test, which would build Lit's development build and turn off
  // import.meta.env.PROD (the service worker): the tests drive the production build.
  const build = spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (build.status !== 0) throw new Error('vite build failed');
  const port = await freePort();
  preview = spawn('node_modules/.bin/vite', ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore' });
  const baseUrl = `http://127.0.0.1:${port}/`;
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
