/** The table's rows, from the runs: which metric, at which size, against what, and the target. */
import type { BuiltFile } from './bytes';
import type { ChronomapRun } from './chronomap';
import { cell, formatCell, none, one, ratioOf, ratioTarget, text, valueTarget, type Cell, type Row, type Target, type Unit } from './report';
import type { Results } from './run';
import { framePercentiles, summarize } from './stats';

const n = (size: number): string => size.toLocaleString('en-US');
const TJS = 'TimelineJS';
const BARE = 'bare MapLibre';

export function buildRows(results: Results, fileFor: (url: string) => BuiltFile | undefined): Row[] {
  const rows: Row[] = [];
  const add = (section: string, metric: string, size: string, unit: Unit, chronomap: Cell, against = '', baseline: Cell = none, target: ((ratio: number | null) => Target) | Target | null = null): void => {
    const ratio = against ? ratioOf(chronomap, baseline) : null;
    rows.push({ section, metric, size, unit, chronomap, against, baseline, ratio, target: typeof target === 'function' ? target(ratio) : target });
  };
  const cm = (size: number): ChronomapRun[] => results.chronomap.get(size) ?? [];
  const ready = (size: number) => cm(size).filter((r) => r.outcome === 'ready' || r.outcome === 'views-drawn');
  const tl = (size: number) => results.timelinejs.get(size) ?? [];
  const bare = (size: number) => results.bare.get(size) ?? [];
  const cmSizes = [...results.chronomap.keys()];

  // Loading
  const L = 'Loading: navigation until both views have drawn (status="ready"; TimelineJS: loaded+ready; bare: first idle)';
  if (results.timelinejs.has(100)) add(L, 'ready', n(100), 'ms', none, TJS, cell(tl(100).map((r) => r.readyAt)));
  for (const size of cmSizes) {
    const c = cell(ready(size).map((r) => r.readyAt));
    // † the app never set status="ready": timed to both views seen drawn (see the notes).
    if (c.value && ready(size).some((r) => r.outcome === 'views-drawn')) c.mark = '†';
    if (size === 1_000) add(L, 'ready', n(size), 'ms', c, TJS, cell(tl(size).map((r) => r.readyAt)), (r) => ratioTarget(r, 1, '< 1× (faster)', true));
    else if (size === 5_000) add(L, 'ready', n(size), 'ms', c, TJS, cell(tl(size).map((r) => r.readyAt)), (r) => ratioTarget(r, 1 / 3, '≤ 0.33×'));
    else if (size === 10_000 || size === 100_000) add(L, 'ready', n(size), 'ms', c, BARE, cell(bare(size).map((r) => r.firstIdle)), (r) => ratioTarget(r, 1.3, '≤ 1.3×'));
    else add(L, 'ready', n(size), 'ms', c);
  }
  for (const size of cmSizes) add(L, 'first timeline mark', n(size), 'ms', cell(cm(size).map((r) => r.firstMarkAt)));

  // DOM
  const D = 'DOM nodes after ready (all nodes, shadow trees included)';
  if (results.timelinejs.has(100)) add(D, 'DOM nodes', n(100), 'count', none, TJS, cell(tl(100).map((r) => r.dom.nodes)));
  for (const size of cmSizes) {
    const c = cell(cm(size).map((r) => r.dom?.nodes));
    if (size === 5_000) add(D, 'DOM nodes', n(size), 'count', c, TJS, cell(tl(size).map((r) => r.dom.nodes)), (r) => ratioTarget(r, 1 / 20, '≤ 0.05×'));
    else if (results.timelinejs.has(size)) add(D, 'DOM nodes', n(size), 'count', c, TJS, cell(tl(size).map((r) => r.dom.nodes)));
    else if (results.bare.has(size)) add(D, 'DOM nodes', n(size), 'count', c, BARE, cell(bare(size).map((r) => r.dom.nodes)));
    else add(D, 'DOM nodes', n(size), 'count', c);
  }

  // Memory
  const M = 'JS heap after GC, after ready (V8 used size; page + dedicated workers)';
  if (results.timelinejs.has(100)) add(M, 'heap, page + workers', n(100), 'MB', none, TJS, cell(tl(100).map((r) => r.heap.main + r.heap.workers)));
  for (const size of cmSizes) {
    const c = cell(cm(size).map((r) => (r.heap ? r.heap.main + r.heap.workers : null)));
    if (results.timelinejs.has(size)) add(M, 'heap, page + workers', n(size), 'MB', c, TJS, cell(tl(size).map((r) => r.heap.main + r.heap.workers)));
    else if (results.bare.has(size)) {
      const b = cell(bare(size).map((r) => r.heap.main + r.heap.workers));
      add(M, 'heap, page + workers', n(size), 'MB', c, BARE, b, size === 100_000 ? (r) => ratioTarget(r, 2, '≤ 2×') : null);
      add(M, '  of which page', n(size), 'MB', cell(cm(size).map((r) => r.heap?.main)), BARE, cell(bare(size).map((r) => r.heap.main)));
      add(M, '  of which workers', n(size), 'MB', cell(cm(size).map((r) => r.heap?.workers)), BARE, cell(bare(size).map((r) => r.heap.workers)));
    } else add(M, 'heap, page + workers', n(size), 'MB', c);
  }

  // Interaction
  const I = 'Interaction: from the call until both views have drawn (bare: until idle)';
  for (const size of cmSizes) {
    const c = cell(ready(size).map((r) => r.windowChange?.total));
    if (results.bare.has(size)) {
      const byFilter = cell(bare(size).map((r) => r.setFilter));
      const byState = cell(bare(size).map((r) => r.globalState));
      const filterFaster = (byFilter.value?.median ?? Infinity) <= (byState.value?.median ?? Infinity);
      add(I, 'setWindow', n(size), 'ms', c, `${BARE}, ${filterFaster ? 'setFilter' : 'global-state'}`, filterFaster ? byFilter : byState, (r) => ratioTarget(r, 1.3, '≤ 1.3×'));
      add(I, '  bare: setFilter', n(size), 'ms', none, BARE, byFilter);
      add(I, '  bare: global-state', n(size), 'ms', none, BARE, byState);
    } else add(I, 'setWindow', n(size), 'ms', c);
    add(I, '  map side', n(size), 'ms', cell(cm(size).map((r) => r.windowChange?.map)));
    add(I, '  timeline side', n(size), 'ms', cell(cm(size).map((r) => r.windowChange?.timeline)));
  }
  for (const size of cmSizes) {
    const c = cell(ready(size).map((r) => r.selection?.total));
    if (results.bare.has(size)) add(I, 'select', n(size), 'ms', c, `${BARE}, feature-state`, cell(bare(size).map((r) => r.featureState)), (r) => ratioTarget(r, 1.3, '≤ 1.3×'));
    else if (results.timelinejs.has(size)) add(I, 'select', n(size), 'ms', c, `${TJS}, goToNext, painted`, cell(tl(size).map((r) => r.nextFrame)));
    else add(I, 'select', n(size), 'ms', c);
    add(I, '  map side', n(size), 'ms', cell(cm(size).map((r) => r.selection?.map)));
    add(I, '  timeline side', n(size), 'ms', cell(cm(size).map((r) => r.selection?.timeline)));
  }
  for (const size of [100, 1_000, 5_000].filter((s) => results.timelinejs.has(s))) {
    add(I, 'next slide shown (1 s slide)', n(size), 'ms', none, TJS, cell(tl(size).map((r) => r.nextShown)));
  }

  // Frames
  const F = 'Frames while the timeline is zoomed (Ctrl+wheel) and panned (drag); rAF intervals, median over runs of each run\'s percentile';
  for (const size of cmSizes) {
    const per = (pick: (f: NonNullable<ChronomapRun['frames']>) => number[], stat: 'p50' | 'p95' | 'max') => cell(cm(size).map((r) => (r.frames ? framePercentiles(pick(r.frames))?.[stat] : null)));
    const big = size === 100_000;
    add(F, 'zoom frame p50', n(size), 'ms', per((f) => f.zoom, 'p50'));
    add(F, 'zoom frame p95', n(size), 'ms', per((f) => f.zoom, 'p95'), '', none, big ? valueTarget(per((f) => f.zoom, 'p95').value?.median, 33, 'ms', '< 33 ms') : null);
    add(F, 'pan frame p50', n(size), 'ms', per((f) => f.pan, 'p50'));
    add(F, 'pan frame p95', n(size), 'ms', per((f) => f.pan, 'p95'), '', none, big ? valueTarget(per((f) => f.pan, 'p95').value?.median, 33, 'ms', '< 33 ms') : null);
    const slow = (pick: (f: NonNullable<ChronomapRun['frames']>) => number[]) => cell(cm(size).map((r) => (r.frames ? framePercentiles(pick(r.frames))?.over : null)));
    add(F, 'frames > 1 vsync, zoom / pan', n(size), '%', slow((f) => f.zoom), '', none);
    rows[rows.length - 1]!.chronomap = text(`${formatCell(slow((f) => f.zoom), '%', results.runs)} / ${formatCell(slow((f) => f.pan), '%', results.runs)}`);
    add(F, 'longest frame, 1.5 s after', n(size), 'ms', cell(cm(size).map((r) => (r.frames ? Math.max(framePercentiles(r.frames.zoomAfter)?.max ?? 0, framePercentiles(r.frames.panAfter)?.max ?? 0) : null))));
  }

  // Bytes
  const B = 'Bytes shipped (built files; gzip -9) and what loads before the first timeline mark';
  if (results.files) {
    const { app, bare: bareFiles, timelinejs } = results.files;
    const sum = (files: BuiltFile[], key: 'raw' | 'gzip') => files.reduce((t, f) => t + f[key], 0);
    const of = (files: BuiltFile[], kind: BuiltFile['kind']) => files.filter((f) => f.kind === kind);
    const kb = (x: number) => (x / 1e3).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    /** `raw / gzip kB` as text; the gzip size is the value the ratio uses. */
    const bytes = (files: BuiltFile[]): Cell => (files.length ? { value: one(sum(files, 'gzip')).value, text: `${kb(sum(files, 'raw'))} / ${kb(sum(files, 'gzip'))} kB` } : text('none built'));
    const L2 = (label: string) => `${label}, raw / gzip`;
    add(B, L2('JS, all chunks'), 'all', 'kB', bytes(of(app, 'js')), BARE, bytes(of(bareFiles, 'js')));
    add(B, L2('  eager (entry + imports)'), 'all', 'kB', bytes(app.filter((f) => f.eager)));
    add(B, L2('  lazy chunks'), 'all', 'kB', bytes(app.filter((f) => f.kind === 'js' && !f.eager)));
    add(B, L2('  of which MapLibre'), 'all', 'kB', bytes(app.filter((f) => f.mapLibre)));
    add(B, L2('worker'), 'all', 'kB', bytes(of(app, 'worker')), BARE, bytes(of(bareFiles, 'worker')));
    add(B, L2('CSS files'), 'all', 'kB', bytes(of(app, 'css')), BARE, bytes(of(bareFiles, 'css')));
    const events = app.filter((f) => f.path === 'data/events.json');
    if (events.length) add(B, L2('data/events.json'), 'shipped', 'kB', bytes(events));
    for (const size of cmSizes) {
      const d = results.dataBytes.get(size);
      if (d) add(B, 'dataset, raw / gzip', n(size), 'kB', text(`${(d.raw / 1e6).toFixed(2)} / ${(d.gzip / 1e6).toFixed(2)} MB`));
    }
    for (const size of cmSizes) {
      const runs = cm(size).filter((r) => r.firstMarkAt !== null && r.resources.length);
      const before = runs.map((r) => r.resources.filter((e) => e.start < r.firstMarkAt!).map((e) => fileFor(e.url)).filter((f): f is BuiltFile => !!f));
      const jsGzip = before.map((files) => sum(files.filter((f) => f.kind === 'js' || f.kind === 'worker'), 'gzip'));
      const mapEarly = before.map((files) => (files.some((f) => f.mapLibre || f.kind === 'worker') ? 1 : 0));
      add(B, 'JS before first mark, gzip', n(size), 'kB', cell(jsGzip), `${TJS} (timeline.js+css)`, one(timelinejs.gzip), valueTarget(summarize(jsGzip)?.median, 100_000, 'kB', '≤ 100 kB', false));
      const early = mapEarly.filter(Boolean).length;
      add(B, 'MapLibre before first mark', n(size), 'flag', mapEarly.length ? { value: summarize(mapEarly), text: early ? `yes in ${early}/${mapEarly.length} runs` : `no (${mapEarly.length}/${mapEarly.length} runs)` } : one(null), '', none, {
        label: 'no',
        pass: mapEarly.length ? !early : null,
        gap: early ? `a MapLibre chunk was requested before the first timeline mark in ${early} of ${mapEarly.length} runs` : undefined,
      });
    }
  }

  // Node
  if (results.validation) {
    const N = 'Validation in Node (validateJson on the JSON text, 5 runs)';
    const v = cell(results.validation.validate);
    add(N, 'validateJson', n(100_000), 'ms', v, '', none, valueTarget(v.value?.median, 1000, 'ms', '< 1 s'));
    add(N, '  of which JSON.parse alone', n(100_000), 'ms', cell(results.validation.parse));
  }
  return rows;
}
