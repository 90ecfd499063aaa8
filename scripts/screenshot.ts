/**
 * `npm run screenshot`: builds the app, serves it, and saves screenshots of states worth
 * showing into docs/ (the README's picture among them).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../vite.config';

interface Shot {
  file: string;
  path: string;
  width: number;
  height: number;
  phone?: boolean;
  media?: 'print';
  colorScheme?: 'dark';
}

const SHOTS: Shot[] = [
  { file: 'docs/screenshot.png', path: '#event=white-house-multilateral-european-leaders&from=2025-08-14&to=2025-08-22', width: 1280, height: 900 },
  { file: 'docs/phone-360x640.png', path: '#event=kharkiv-apartment-strike', width: 360, height: 640, phone: true },
  { file: 'docs/phone-390x844-uk.png', path: '?lang=uk#event=alaska-summit-trump-putin', width: 390, height: 844, phone: true },
  { file: 'docs/dark.png', path: '#event=putin-moscow-venue-proposal-refused', width: 1280, height: 900, colorScheme: 'dark' },
  { file: 'docs/print-preview.png', path: '', width: 900, height: 1200, media: 'print' },
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
    const page = await browser.newPage({
      viewport: { width: shot.width, height: shot.height },
      reducedMotion: 'reduce',
      colorScheme: shot.colorScheme ?? 'light',
      hasTouch: shot.phone ?? false,
      isMobile: shot.phone ?? false,
    });
    await page.goto(`http://127.0.0.1:${port}/${shot.path}`);
    await page.waitForFunction(() => document.querySelector('chrono-map')?.getAttribute('status') === 'ready', null, { timeout: 60_000 });
    if (shot.media) await page.emulateMedia({ media: shot.media });
    // A full-page capture resizes the page while it captures, which can catch the map's canvas
    // half-redrawn; the viewport is grown to the whole page first and the map given time to settle.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: shot.width, height });
    await page.waitForTimeout(2000);
    await page.screenshot({ path: shot.file });
    console.log(`saved ${shot.file}`);
    await page.close();
  }
  await browser.close();
} finally {
  server.kill();
}
