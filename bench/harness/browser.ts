/**
 * Chromium for the benchmark: Debian's binary with the project's flags (vite.config.ts), a fresh
 * context per run that lets only the local server through, JS heap after GC for the page and
 * its dedicated workers over CDP, and a DOM node count that descends into shadow roots.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../vite.config';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium; \`npm test\` does it when run as root) or set CHROMIUM_PATH`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
}

export interface BenchContext {
  context: BrowserContext;
  page: Page;
  /** Non-local URLs the page tried to load (all were aborted). */
  blocked: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

/** A fresh context and page; every request that does not go to `origin` is aborted. */
export async function openContext(browser: Browser, origin: string): Promise<BenchContext> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    // Chronomap skips its camera animations then, so selection measures work, not a designed ease.
    reducedMotion: 'reduce',
    colorScheme: 'light',
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  context.setDefaultTimeout(60_000);
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  // tsx compiles with esbuild's keepNames, which wraps nested functions in __name(); functions
  // Playwright serializes into the page would then fail without this no-op.
  await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, blocked, errors };
}

export interface HeapSample {
  /** V8 heap used after a full GC, in bytes. */
  main: number;
  /** Sum over the page's dedicated workers (MapLibre's), in bytes. */
  workers: number;
  workerCount: number;
}

/**
 * Watches a page's dedicated workers over CDP (auto-attach without flattening, so that it does
 * not interfere with Playwright's own sessions) and measures V8 heap after GC on each.
 * Attach before navigating, so workers started during load are seen.
 */
export class HeapProbe {
  private readonly workers = new Map<string, string>();
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;

  private constructor(private readonly cdp: CDPSession) {}

  static async attach(context: BrowserContext, page: Page): Promise<HeapProbe> {
    const cdp = await context.newCDPSession(page);
    const probe = new HeapProbe(cdp);
    cdp.on('Target.attachedToTarget', (e) => {
      if (e.targetInfo.type === 'worker') probe.workers.set(e.sessionId, e.targetInfo.url);
    });
    cdp.on('Target.detachedFromTarget', (e) => {
      if (e.sessionId) probe.workers.delete(e.sessionId);
    });
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const message = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
      const waiter = message.id === undefined ? undefined : probe.pending.get(message.id);
      if (!waiter || message.id === undefined) return;
      probe.pending.delete(message.id);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    });
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    return probe;
  }

  private sendToWorker<T>(sessionId: string, method: string, params: object = {}): Promise<T> {
    const id = this.nextId++;
    return withTimeout(
      new Promise<T>((resolve, reject) => {
        this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
      }),
      20_000,
      `worker ${method}`,
    );
  }

  async measure(): Promise<HeapSample> {
    await this.cdp.send('HeapProfiler.collectGarbage');
    await this.cdp.send('HeapProfiler.collectGarbage');
    const { usedSize: main } = await this.cdp.send('Runtime.getHeapUsage');
    let workers = 0;
    for (const sessionId of this.workers.keys()) {
      await this.sendToWorker(sessionId, 'HeapProfiler.collectGarbage');
      await this.sendToWorker(sessionId, 'HeapProfiler.collectGarbage');
      workers += (await this.sendToWorker<{ usedSize: number }>(sessionId, 'Runtime.getHeapUsage')).usedSize;
    }
    return { main, workers, workerCount: this.workers.size };
  }

  get workerUrls(): string[] {
    return [...this.workers.values()];
  }
}

/** In the page: all nodes (elements, text, comments, shadow roots) and elements, shadow trees included. */
export function countDomNodes(): { nodes: number; elements: number } {
  let nodes = 0;
  let elements = 0;
  const visit = (root: Node): void => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
      nodes++;
      if (n.nodeType === Node.ELEMENT_NODE) {
        elements++;
        const shadow = (n as Element).shadowRoot;
        if (shadow) visit(shadow);
      }
    }
  };
  visit(document);
  return { nodes, elements };
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs one measurement in a fresh context, closed afterwards whatever happens, with an overall time limit. */
export async function inContext<T>(browser: Browser, origin: string, limitMs: number, what: string, body: (c: BenchContext) => Promise<T>): Promise<T> {
  const c = await openContext(browser, origin);
  try {
    return await withTimeout(body(c), limitMs, what);
  } finally {
    await withTimeout(c.context.close(), 30_000, 'closing a context').catch(() => {});
  }
}
