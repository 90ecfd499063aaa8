/**
 * `npm run bench`: Chronomap against TimelineJS 3 and a bare MapLibre page, in Debian's
 * headless Chromium (software WebGL), on synthetic datasets of 1,000 to 100,000 events.
 * Prints one table and writes docs/performance.md (the part between its `bench:` markers).
 * Not part of `npm test`.
 *
 * Besides the main table (the `cities` shape), it measures the other shapes of data users
 * bring (bench/harness/data.ts: distinct places, crowded places, a long span, bursts) against
 * the bare page clustered and not, and what readers do beyond one load (sessions.ts).
 *
 * Options: --runs=N (default 5) · --tl5000-runs=N (default: as --runs, fewer if one run takes
 * over 40 s) · --only=node,bytes,chronomap,bare,timelinejs,shapes,reader,session,bigload,offline ·
 * --sizes=1000,5000,10000,100000 (the main table) · --shapes=distinct,crowded,long-span,bursts ·
 * --shape-sizes=10000,… (only these sizes of each shape) · --playback-seconds=N (the long session's
 * playback, default 300) · --no-doc (do not touch docs/performance.md) · --keep (keep the temp dir).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { buildOfflinePackage } from '../../scripts/package';
import { runBare, type BareRun } from './bare';
import { runBigLoad, runContexts, runLongSession, runReader } from './sessions';
import { launchBrowser, openContext, withTimeout } from './browser';
import { builtFiles, fileForUrl, total } from './bytes';
import { runChronomap, type ChronomapRun } from './chronomap';
import { SHAPES, makeDataset, toGeoJson, toTimelineJs, type BenchDataset } from './data';
import { writeDoc, type DocInput } from './doc';
import { serveDirectory, type StaticServer } from './server';
import { framePercentiles, summarize } from './stats';
import { runTimelineJs, type TimelineJsRun } from './timelinejs';
import { buildRows } from './rows';
import type { Machine, Results } from './results';

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'tl5000-runs': { type: 'string' },
    only: { type: 'string', default: 'node,bytes,chronomap,bare,timelinejs,shapes,reader,session,bigload,offline' },
    'playback-seconds': { type: 'string', default: '300' },
    shapes: { type: 'string', default: 'distinct,crowded,long-span,bursts' },
    'shape-sizes': { type: 'string' },
    sizes: { type: 'string', default: '1000,5000,10000,100000' },
    'no-doc': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const RUNS = Math.max(1, Number(opts.runs));
const ONLY = new Set(opts.only!.split(','));
const CM_SIZES = opts.sizes!.split(',').map(Number);
const BARE_SIZES = [10_000, 100_000].filter((n) => CM_SIZES.includes(n));
const TL_SIZES = [100, 1_000, 5_000];
const ROOT = process.cwd();
/** About 60 MB of JSON: the file issue 14 asks to stay responsive while it loads. */
const BIG_EVENTS = 123_000;
const CONTEXT_CYCLES = 30;

const log = (msg: string): void => {
  process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${msg}\n`);
};
const t0 = performance.now();

/** Which app code was measured: the commit, and files of the app changed since it. */
function codeVersion(): string {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8', timeout: 10_000 }).stdout?.trim() ?? '';
  const commit = git('rev-parse', '--short', 'HEAD') || 'unknown';
  const dirty = git('status', '--porcelain', '--', 'src', 'index.html', 'vite.config.ts', 'public', 'data')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(3));
  return dirty.length ? `commit ${commit} plus uncommitted changes to ${dirty.join(', ')}` : `commit ${commit}`;
}

/** CPU time so far, from /proc/stat's first line: all of it, and what the host stole. */
function cpuTimes(): { total: number; steal: number } | null {
  if (!existsSync('/proc/stat')) return null;
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return { total: fields.slice(0, 8).reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
}
const cpuAtStart = cpuTimes();

let browser: Browser | undefined;
let server: StaticServer | undefined;
let tmp = '';
let currentResults: Results | undefined;

async function cleanup(): Promise<void> {
  if (browser) await withTimeout(browser.close(), 30_000, 'closing Chromium').catch(() => {});
  browser = undefined;
  if (server) await server.close().catch(() => {});
  server = undefined;
  if (tmp && !opts.keep) rmSync(tmp, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: closing Chromium and the server`);
    void cleanup().finally(() => process.exit(130));
  });
}

function build(args: string[], what: string): void {
  log(`building ${what}`);
  const r = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn', ...args], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], timeout: 300_000 });
  if (r.status !== 0) throw new Error(`vite build of ${what} failed (${r.error?.message ?? `exit ${r.status}`})`);
}

/** A fresh Chromium for each group of runs, so nothing a previous page left in the GPU process carries over. */
async function freshBrowser(group: string, results: Results): Promise<void> {
  if (browser) await withTimeout(browser.close(), 30_000, 'closing Chromium').catch(() => {});
  browser = undefined;
  await new Promise((r) => setTimeout(r, 1000));
  results.groupLoad.push([group, loadavg()[0]!]);
  await ensureBrowser();
}

async function ensureBrowser(): Promise<Browser> {
  if (!browser?.isConnected()) {
    if (browser) log('Chromium went away; starting it again');
    browser = await launchBrowser();
  }
  return browser;
}

async function machineInfo(b: Browser, origin: string): Promise<Machine> {
  const os = existsSync('/etc/os-release') ? (/PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? platform()) : `${platform()} ${release()}`;
  const c = await openContext(b, origin);
  let webgl = 'unknown';
  try {
    webgl = await c.page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) return 'no WebGL2';
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      return String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    });
  } finally {
    await c.context.close();
  }
  return {
    load: [loadavg()[0]!, 0],
    steal: null,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGB: Math.round(totalmem() / 2 ** 30),
    os,
    node: process.version,
    chromium: b.version(),
    webgl,
  };
}

async function main(): Promise<void> {
  tmp = mkdtempSync(join(tmpdir(), 'chronomap-bench-'));
  const appDir = join(tmp, 'app');
  const pagesDir = join(tmp, 'pages');
  log(`measuring ${codeVersion()}`);
  log(`temp dir ${tmp}; ${RUNS} runs per measurement; free memory ${(freemem() / 2 ** 30).toFixed(1)} GB; load average ${loadavg()[0]!.toFixed(2)}`);
  build(['--outDir', appDir, '--emptyOutDir', '--manifest'], 'the app');
  build(['--config', 'bench/vite.config.ts', '--outDir', pagesDir], 'the comparison pages');
  cpSync(join(ROOT, 'node_modules/@knight-lab/timelinejs/dist'), join(tmp, 'tljs'), { recursive: true, filter: (src) => !src.endsWith('.map') });

  const results: Results = (currentResults = {
    runs: RUNS,
    code: codeVersion(),
    startedAt: new Date().toISOString(),
    seconds: 0,
    machine: { load: [loadavg()[0]!, 0], steal: null, cpus: cpus().length, cpuModel: '', memoryGB: 0, os: '', node: process.version, chromium: '', webgl: '' },
    datasets: new Map(),
    chronomap: new Map(),
    bare: new Map(),
    bareClustered: new Map(),
    shapes: [],
    reader: [],
    longSession: [],
    contexts: [],
    bigLoad: [],
    offline: null,
    timelinejs: new Map(),
    failures: [],
    validation: null,
    files: null,
    dataBytes: new Map(),
    appBase: '',
    groupLoad: [],
  });

  // Files shipped, before the benchmark's own data and pages are added to the build.
  if (ONLY.has('bytes') || ONLY.has('chronomap')) {
    const tl = ['js/timeline.js', 'css/timeline.css'].map((p) => readFileSync(join(tmp, 'tljs', p)));
    results.files = {
      app: builtFiles(appDir),
      bare: builtFiles(pagesDir, (p) => !p.startsWith('bare-maplibre/') && !/^assets\/(bare|maplibre|modulepreload)/.test(p)),
      timelinejs: tl.reduce((t, b) => ({ raw: t.raw + b.length, gzip: t.gzip + gzipSync(b, { level: 9 }).length }), { raw: 0, gzip: 0 }),
    };
  }

  log('making datasets');
  mkdirSync(join(pagesDir, 'data'), { recursive: true });
  const indexHtml = readFileSync(join(appDir, 'index.html'), 'utf8');
  if (!/<chrono-map\b[^>]*>/.test(indexHtml)) throw new Error('dist/index.html has no <chrono-map>');
  const sizes = [...new Set([...CM_SIZES, ...(ONLY.has('node') ? [100_000] : [])])].sort((a, b) => a - b);
  for (const size of sizes) {
    const d = makeDataset(size);
    results.datasets.set(size, d);
    writeFileSync(join(appDir, 'data', `bench-${size}.json`), d.text);
    results.dataBytes.set(size, { raw: Buffer.byteLength(d.text), gzip: gzipSync(d.text, { level: 9 }).length });
    writeFileSync(join(appDir, `bench-${size}.html`), indexHtml.replace(/<chrono-map\b[^>]*>/, `<chrono-map src="data/bench-${size}.json" url-state="none">`));
    if (BARE_SIZES.includes(size)) writeFileSync(join(pagesDir, 'data', `points-${size}.geojson`), toGeoJson(d.dataset));
  }
  for (const size of TL_SIZES) {
    const d = results.datasets.get(size) ?? makeDataset(size);
    writeFileSync(join(pagesDir, 'data', `tl-${size}.json`), toTimelineJs(d.dataset));
  }
  const pageFor = (name: string, src: string) => writeFileSync(join(appDir, `${name}.html`), indexHtml.replace(/<chrono-map\b[^>]*>/, `<chrono-map src="${src}" url-state="none">`));
  if (ONLY.has('shapes')) {
    const wanted = new Set(opts.shapes!.split(','));
    const sizeLimit = opts['shape-sizes'] ? new Set(opts['shape-sizes'].split(',').map(Number)) : null;
    for (const shape of SHAPES.filter((s) => s.name !== 'cities' && wanted.has(s.name))) {
      for (const size of shape.sizes.filter((n) => !sizeLimit || sizeLimit.has(n))) {
        const data = makeDataset(size, shape);
        const name = `${shape.name}-${size}`;
        writeFileSync(join(appDir, 'data', `${name}.json`), data.text);
        pageFor(name, `data/${name}.json`);
        if (size >= 10_000) writeFileSync(join(pagesDir, 'data', `points-${name}.geojson`), toGeoJson(data.dataset));
        results.shapes.push({ shape, size, data, dataBytes: { raw: Buffer.byteLength(data.text), gzip: gzipSync(data.text, { level: 1 }).length }, chronomap: [], bare: [], bareClustered: [] });
        // The text is written; the runs need only the parsed dataset.
        data.text = '';
      }
    }
  }
  let bigBytes = 0;
  if (ONLY.has('bigload')) {
    const big = makeDataset(BIG_EVENTS);
    bigBytes = Buffer.byteLength(big.text);
    writeFileSync(join(appDir, 'data', 'big.json'), big.text);
    pageFor('big', 'data/big.json');
    log(`the big file: ${BIG_EVENTS.toLocaleString('en-US')} events, ${(bigBytes / 1e6).toFixed(1)} MB`);
  }

  if (ONLY.has('node')) {
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(ROOT, 'bench/harness/validate-node.ts'), join(appDir, 'data', 'bench-100000.json'), '5'], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`validateJson in Node failed: ${child.stderr}`);
    results.validation = JSON.parse(child.stdout) as { validate: number[]; parse: number[] };
    log(`validateJson, 100,000 events in Node: median ${summarize(results.validation.validate)!.median.toFixed(0)} ms`);
  }

  server = await serveDirectory(tmp);
  const origin = server.origin;
  results.appBase = `${origin}/app/`;
  const b = await ensureBrowser();
  results.machine = { ...(await machineInfo(b, origin)), load: results.machine.load };
  log(`Chromium ${results.machine.chromium}, WebGL: ${results.machine.webgl}`);

  const mapSizes = new Map<number, { width: number; height: number }>();
  if (ONLY.has('chronomap')) {
    for (const size of CM_SIZES) {
      const runs: ChronomapRun[] = [];
      results.chronomap.set(size, runs);
      await freshBrowser(`Chronomap ${size.toLocaleString('en-US')}`, results);
      let mapWait = 60_000;
      for (let i = 0; i < RUNS; i++) {
        try {
          const r = await runChronomap(await ensureBrowser(), origin, results.datasets.get(size)!, `app/bench-${size}.html`, mapWait);
          // A map that did not draw in a minute will not in the next runs either: wait less.
          if (r.outcome === 'map-stuck') mapWait = 15_000;
          runs.push(r);
          if (r.mapCanvas && !mapSizes.has(size)) mapSizes.set(size, r.mapCanvas);
          const zoom = r.frames ? framePercentiles(r.frames.zoom) : null;
          log(`Chronomap ${size.toLocaleString('en-US')} #${i + 1}: ${r.outcome} at ${r.readyAt?.toFixed(0) ?? '—'} ms, first mark ${r.firstMarkAt?.toFixed(0) ?? '—'} ms, window ${r.windowChange?.total?.toFixed(0) ?? `timeline ${r.windowChange?.timeline?.toFixed(0) ?? '—'}`} ms, select ${r.selection?.total?.toFixed(0) ?? `timeline ${r.selection?.timeline?.toFixed(0) ?? '—'}`} ms, zoom p95 ${zoom?.p95.toFixed(0) ?? '—'} ms`);
          if (r.outcome === 'error') break;
        } catch (e) {
          results.failures.push(`Chronomap ${size} run ${i + 1}: ${(e as Error).message.split('\n')[0]}`);
          log(`Chronomap ${size} #${i + 1} failed: ${(e as Error).message.split('\n')[0]}`);
          if (i === 0) break;
        }
      }
    }
  }

  if (ONLY.has('bare')) {
    for (const size of BARE_SIZES) {
      const d = results.datasets.get(size)!;
      const canvas = mapSizes.get(size) ?? [...mapSizes.values()][0] ?? { width: 800, height: 460 };
      const query = `data=../data/points-${size}.geojson&w=${canvas.width}&h=${canvas.height}&bbox=${d.bbox.join(',')}`;
      const runs: BareRun[] = [];
      results.bare.set(size, runs);
      await freshBrowser(`bare MapLibre ${size.toLocaleString('en-US')}`, results);
      await bareRuns(`cities ${size}`, d, query, runs);
      const clustered: BareRun[] = [];
      results.bareClustered.set(size, clustered);
      await bareRuns(`cities ${size}, clustered`, d, `${query}&cluster=1`, clustered);
    }
  }

  if (ONLY.has('shapes')) {
    for (const c of results.shapes) {
      const label = `${c.shape.name} ${c.size.toLocaleString('en-US')}`;
      await freshBrowser(`Chronomap ${label}`, results);
      let canvas = { width: 800, height: 460 };
      for (let i = 0; i < RUNS; i++) {
        let outcome: ChronomapRun['outcome'] | undefined;
        const ok = await attempt(`Chronomap ${label} #${i + 1}`, async () => {
          const r = await runChronomap(await ensureBrowser(), origin, c.data, `app/${c.shape.name}-${c.size}.html`, 60_000);
          c.chronomap.push(r);
          outcome = r.outcome;
          if (r.mapCanvas) canvas = r.mapCanvas;
          log(`Chronomap ${label} #${i + 1}: ${r.outcome} at ${r.readyAt?.toFixed(0) ?? '—'} ms, DOM ${r.dom?.nodes ?? '—'}, window ${r.windowChange?.total?.toFixed(0) ?? '—'} ms, select ${r.selection?.total?.toFixed(0) ?? '—'} ms`);
        });
        if (outcome === 'error' || (!ok && i === 0)) break;
      }
      if (c.size < 10_000) continue;
      const query = `data=../data/points-${c.shape.name}-${c.size}.geojson&w=${canvas.width}&h=${canvas.height}&bbox=${c.data.bbox.join(',')}`;
      await freshBrowser(`bare MapLibre ${label}`, results);
      await bareRuns(label, c.data, query, c.bare);
      await bareRuns(`${label}, clustered`, c.data, `${query}&cluster=1`, c.bareClustered);
    }
  }

  if (ONLY.has('reader') && CM_SIZES.includes(100_000)) {
    await freshBrowser('search and playback', results);
    for (let i = 0; i < RUNS; i++) {
      await attempt(`search and playback #${i + 1}`, async () => {
        const r = await runReader(await ensureBrowser(), origin, 'app/bench-100000.html');
        results.reader.push(r);
        log(`search and playback #${i + 1}: result shown ${r.searchShown?.toFixed(0) ?? '—'} ms after the last key (${r.searchCount}), longest key delay ${Math.max(...r.searchKeyDelays).toFixed(0)} ms; playback p95 ${framePercentiles(r.playFrames)?.p95.toFixed(0) ?? '—'} ms`);
      });
    }
  }

  if (ONLY.has('session')) {
    const seconds = Number(opts['playback-seconds']);
    await freshBrowser('long session', results);
    await attempt('long session', async () => {
      const r = await runLongSession(await ensureBrowser(), origin, 'app/index.html', seconds);
      results.longSession.push(r);
      log(`long session: heap ${((r.start.heap.main + r.start.heap.workers) / 1e6).toFixed(1)} → ${((r.end.heap.main + r.end.heap.workers) / 1e6).toFixed(1)} MB, DOM ${r.start.dom} → ${r.end.dom}`);
    });
    await freshBrowser('WebGL contexts', results);
    await attempt('WebGL contexts', async () => {
      const r = await runContexts(await ensureBrowser(), origin, 'app/index.html', CONTEXT_CYCLES);
      results.contexts.push(r);
      log(`WebGL contexts after ${r.cycles} cycles: ${r.live} live of ${r.made} made, ${r.warnings} warnings`);
    });
  }

  if (ONLY.has('bigload')) {
    await freshBrowser('60 MB load', results);
    for (let i = 0; i < Math.min(RUNS, 3); i++) {
      await attempt(`60 MB load #${i + 1}`, async () => {
        const r = await runBigLoad(await ensureBrowser(), origin, 'app/big.html', bigBytes);
        results.bigLoad.push(r);
        log(`60 MB load #${i + 1}: ready ${r.readyAt?.toFixed(0) ?? '—'} ms, ${r.keyDelays.length} keys, longest delay ${Math.max(0, ...r.loadingKeyDelays).toFixed(0)} ms while loading, ${Math.max(0, ...r.keyDelays).toFixed(0)} ms until drawn, progress seen ${r.progressSeen ?? 'no'}`);
      });
    }
  }

  if (ONLY.has('timelinejs')) {
    for (const size of TL_SIZES) {
      const runs: TimelineJsRun[] = [];
      results.timelinejs.set(size, runs);
      await freshBrowser(`TimelineJS ${size.toLocaleString('en-US')}`, results);
      let planned = size === 5_000 && opts['tl5000-runs'] ? Number(opts['tl5000-runs']) : RUNS;
      for (let i = 0; i < planned; i++) {
        const started = performance.now();
        try {
          const r = await runTimelineJs(await ensureBrowser(), origin, size, 240_000);
          runs.push(r);
          log(`TimelineJS ${size.toLocaleString('en-US')} #${i + 1}: ready ${r.readyAt.toFixed(0)} ms, DOM ${r.dom.nodes}, next ${r.nextFrame.toFixed(0)} / ${r.nextShown.toFixed(0)} ms`);
        } catch (e) {
          results.failures.push(`TimelineJS ${size} run ${i + 1}: ${(e as Error).message.split('\n')[0]}`);
          log(`TimelineJS ${size} #${i + 1} failed: ${(e as Error).message.split('\n')[0]}`);
          if (i === 0) break;
        }
        const seconds = (performance.now() - started) / 1000;
        if (i === 0 && size === 5_000 && !opts['tl5000-runs'] && seconds > 40 && planned > 3) {
          planned = 3;
          log(`TimelineJS 5,000 took ${seconds.toFixed(0)} s for one run: 3 runs only`);
        }
      }
    }
  }

  await cleanupBrowserAndServer();
  if (ONLY.has('offline')) results.offline = await offlineFile();
  results.machine.load[1] = loadavg()[0]!;
  const cpuAtEnd = cpuTimes();
  if (cpuAtStart && cpuAtEnd && cpuAtEnd.total > cpuAtStart.total) results.machine.steal = (cpuAtEnd.steal - cpuAtStart.steal) / (cpuAtEnd.total - cpuAtStart.total);
  results.seconds = (performance.now() - t0) / 1000;
  const rows = buildRows(results, (url) => (results.files ? fileForUrl(results.files.app, results.appBase, url) : undefined));
  const doc: DocInput = { results, rows, totals: results.files ? { js: total(results.files.app.filter((f) => f.kind === 'js')) } : null };
  const table = writeDoc(doc, { write: !opts['no-doc'], path: join(ROOT, 'docs/performance.md') });
  process.stdout.write(`\n${table}\n`);
  log(`done in ${results.seconds.toFixed(0)} s${opts['no-doc'] ? '' : '; wrote docs/performance.md'}`);
}

/** Runs of the bare page into `runs`; a first run that fails ends the group. */
async function bareRuns(label: string, d: BenchDataset, query: string, runs: BareRun[]): Promise<void> {
  for (let i = 0; i < RUNS; i++) {
    const ok = await attempt(`bare MapLibre ${label} #${i + 1}`, async () => {
      const r = await runBare(await ensureBrowser(), serverOrigin(), d, query, i);
      runs.push(r);
      log(`bare MapLibre ${label} #${i + 1}: idle ${r.firstIdle.toFixed(0)} ms, setFilter ${r.setFilter.toFixed(0)} ms, global-state ${r.globalState.toFixed(0)} ms, feature-state ${r.featureState.toFixed(0)} ms`);
    });
    if (!ok && i === 0) break;
  }
}

/** Runs `body`, recording a failure instead of ending the benchmark; true when it succeeded. */
async function attempt(label: string, body: () => Promise<void>): Promise<boolean> {
  try {
    await body();
    return true;
  } catch (e) {
    const message = (e as Error).message.split('\n')[0];
    currentResults?.failures.push(`${label}: ${message}`);
    log(`${label} failed: ${message}`);
    return false;
  }
}

function serverOrigin(): string {
  if (!server) throw new Error('the server is not running');
  return server.origin;
}

/** `npm run package` into the temp dir: the offline classroom file's size. */
async function offlineFile(): Promise<{ raw: number; gzip: number } | { error: string }> {
  log('packaging the offline file');
  try {
    const { path } = await buildOfflinePackage(join(tmp, 'offline', 'chronomap.html'));
    const bytes = readFileSync(path);
    return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  } catch (e) {
    return { error: `npm run package failed: ${(e as Error).message.split('\n')[0]}` };
  }
}

async function cleanupBrowserAndServer(): Promise<void> {
  if (browser) await withTimeout(browser.close(), 30_000, 'closing Chromium').catch(() => {});
  browser = undefined;
  if (server) await server.close().catch(() => {});
  server = undefined;
}

main()
  .catch((e: unknown) => {
    log(`failed: ${(e as Error).stack ?? String(e)}`);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
