/**
 * `npm run screenshot`: builds the app, serves it, and saves screenshots of states worth
 * showing into docs/ (the README's picture among them).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../vite.config';

const SHOTS = [
  { file: 'docs/screenshot.png', hash: '#event=white-house-multilateral-european-leaders&from=2025-08-14&to=2025-08-22', width: 1280, height: 900 },
];

const port = 4179;
if (spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const server = spawn('node_modules/.bin/vite', ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore' });
try {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  mkdirSync('docs', { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  for (const shot of SHOTS) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height }, reducedMotion: 'reduce' });
    await page.goto(`http://127.0.0.1:${port}/${shot.hash}`);
    await page.waitForFunction(() => document.querySelector('chrono-map')?.getAttribute('status') === 'ready', null, { timeout: 60_000 });
    await page.waitForTimeout(800);
    await page.screenshot({ path: shot.file, fullPage: true });
    console.log(`saved ${shot.file}`);
    await page.close();
  }
  await browser.close();
} finally {
  server.kill();
}
