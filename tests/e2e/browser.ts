/** A page in Debian's headless Chromium, with the console, errors and requests it made recorded. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../../vite.config';

export interface Session {
  browser: Browser;
  page: Page;
  baseUrl: string;
  /** Console errors and uncaught exceptions, in order. */
  errors: string[];
  /** Every URL the page requested. */
  requests: string[];
}

export interface PageOptions {
  flags?: string[];
  viewport?: { width: number; height: number };
  reducedMotion?: 'reduce' | 'no-preference';
  colorScheme?: 'light' | 'dark';
  forcedColors?: 'active' | 'none';
  locale?: string;
  /** A phone: touch events and a coarse pointer. */
  touch?: boolean;
}

export async function openPage(options: PageOptions = {}): Promise<Session> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...(options.flags ?? [])] });
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    reducedMotion: options.reducedMotion ?? 'reduce',
    colorScheme: options.colorScheme ?? 'light',
    forcedColors: options.forcedColors ?? 'none',
    locale: options.locale ?? 'en-GB',
    hasTouch: options.touch ?? false,
    isMobile: options.touch ?? false,
    timezoneId: 'Europe/London',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  return { browser, page, baseUrl: inject('baseUrl'), errors, requests };
}

/** Opens a page path and waits until <chrono-map> leaves `loading`. */
export async function gotoApp(session: Session, path = ''): Promise<string> {
  await session.page.goto(new URL(path, session.baseUrl).href);
  await session.page.waitForFunction(() => document.querySelector('chrono-map')?.getAttribute('status') !== 'loading', null, { timeout: 45_000 });
  return (await session.page.getAttribute('chrono-map', 'status')) ?? '';
}
