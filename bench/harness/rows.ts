/** The table's rows, from the runs: which metric, at which size, against what, and the target. */
import type { BuiltFile } from './bytes';
import type { ChronomapRun } from './chronomap';
import { cell, formatCell, none, one, ratioOf, ratioTarget, text, valueTarget, type Cell, type Row, type Target, type Unit } from './report';
import type { Results, ShapeCase } from './results';
import { framePercentiles, percentile, summarize } from './stats';
import { floorsOf, type Floors } from './floors';
import type { LongSessionRun } from './sessions';

type LongSessionSample = LongSessionRun['start'];

const n = (size: number): string => size.toLocaleString('en-US');
const TJS = 'TimelineJS';
const BARE = 'bare MapLibre';
/** 1/20 of TimelineJS's 131,000 nodes at 5,000 events, at every size and shape. */
const DOM_CAP = 6_500;
/** Two frames at 60 Hz: how far the timeline may trail the map after a selection. */
const TWO_FRAMES = 33.4;

/** Ready against TimelineJS: faster at 1,000 events, a third of its time at 5,000 (for every shape). */
const TIMELINEJS_READY: Record<number, (ratio: number | null) => Target> = {
  1_000: (r) => ratioTarget(r, 1, '< 1× (faster)', true),
  5_000: (r) => ratioTarget(r, 1 / 3, '≤ 0.33×'),
};

type Add = (section: string, metric: string, size: string, unit: Unit, chronomap: Cell, against?: string, baseline?: Cell, target?: ((ratio: number | null) => Target) | Target | null) => void;

const readyRuns = (runs: readonly ChronomapRun[]) => runs.filter((r) => r.outcome === 'ready' || r.outcome === 'views-drawn');

/** The timeline's lag behind the map after a selection, per run. */
const timelineAfterMap = (runs: readonly ChronomapRun[]): Cell => cell(runs.map((r) => (r.selection?.timeline != null && r.selection.map != null ? Math.max(0, r.selection.timeline - r.selection.map) : null)));

/** Ready, window change and selection against the bare page's floors, with the targets. */
function floorRows(add: Add, sections: { L: string; M: string; I: string }, size: string, runs: readonly ChronomapRun[], floors: Floors): void {
  const ok = readyRuns(runs);
  add(sections.L, 'ready', size, 'ms', cell(ok.map((r) => r.readyAt)), floors.ready.label, floors.ready.cell, (r) => ratioTarget(r, 1.3, '≤ 1.3×'));
  add(sections.M, 'heap, page + workers', size, 'MB', cell(runs.map((r) => (r.heap ? r.heap.main + r.heap.workers : null))), floors.heap.label, floors.heap.cell, (r) => ratioTarget(r, 2, '≤ 2×'));
  add(sections.I, 'setWindow', size, 'ms', cell(ok.map((r) => r.windowChange?.total)), floors.window.label, floors.window.cell, (r) => ratioTarget(r, 1.3, '≤ 1.3×'));
  add(sections.I, 'select, map side', size, 'ms', cell(ok.map((r) => r.selection?.map)), floors.select.label, floors.select.cell, (r) => ratioTarget(r, 1.3, '≤ 1.3×'));
  const lag = timelineAfterMap(ok);
  add(sections.I, '  timeline after the map', size, 'ms', lag, '', none, valueTarget(lag.value?.median, TWO_FRAMES, 'ms', '≤ 2 frames', false));
}

export function buildRows(results: Results, fileFor: (url: string) => BuiltFile | undefined): Row[] {
  const rows: Row[] = [];
  const add: Add = (section, metric, size, unit, chronomap, against = '', baseline = none, target = null) => {
    const ratio = against ? ratioOf(chronomap, baseline) : null;
    rows.push({ section, metric, size, unit, chronomap, against, baseline, ratio, target: typeof target === 'function' ? target(ratio) : target });
  };
  const cm = (size: number): ChronomapRun[] => results.chronomap.get(size) ?? [];
  const ready = (size: number) => readyRuns(cm(size));
  const tl = (size: number) => results.timelinejs.get(size) ?? [];
  const bare = (size: number) => results.bare.get(size) ?? [];
  const cmSizes = [...results.chronomap.keys()];
  const floors = (size: number) => floorsOf(bare(size), results.bareClustered.get(size) ?? []);

  // Loading
  const L = 'Loading: navigation until both views have drawn (status="ready"; TimelineJS: loaded+ready; bare: first idle)';
  if (results.timelinejs.has(100)) add(L, 'ready', n(100), 'ms', none, TJS, cell(tl(100).map((r) => r.readyAt)));
  for (const size of cmSizes) {
    const c = cell(ready(size).map((r) => r.readyAt));
    // † the app never set status="ready": timed to both views seen drawn (see the notes).
    if (c.value && ready(size).some((r) => r.outcome === 'views-drawn')) c.mark = '†';
    if (TIMELINEJS_READY[size]) add(L, 'ready', n(size), 'ms', c, TJS, cell(tl(size).map((r) => r.readyAt)), TIMELINEJS_READY[size]);
    else if (results.bare.has(size)) add(L, 'ready', n(size), 'ms', c, floors(size).ready.label, floors(size).ready.cell, (r) => ratioTarget(r, 1.3, '≤ 1.3×'));
    else add(L, 'ready', n(size), 'ms', c);
  }
  for (const size of cmSizes) add(L, 'first timeline mark', n(size), 'ms', cell(cm(size).map((r) => r.firstMarkAt)));

  // DOM
  const D = 'DOM nodes after ready (all nodes, shadow trees included)';
  if (results.timelinejs.has(100)) add(D, 'DOM nodes', n(100), 'count', none, TJS, cell(tl(100).map((r) => r.dom.nodes)));
  for (const size of cmSizes) {
    const c = cell(cm(size).map((r) => r.dom?.nodes));
    const cap = valueTarget(c.value?.max, DOM_CAP, 'count', '≤ 6,500', false);
    if (size === 5_000) add(D, 'DOM nodes', n(size), 'count', c, TJS, cell(tl(size).map((r) => r.dom.nodes)), (r) => ratioTarget(r, 1 / 20, '≤ 0.05×'));
    else if (results.timelinejs.has(size)) add(D, 'DOM nodes', n(size), 'count', c, TJS, cell(tl(size).map((r) => r.dom.nodes)), cap);
    else if (results.bare.has(size)) add(D, 'DOM nodes', n(size), 'count', c, BARE, cell(bare(size).map((r) => r.dom.nodes)), cap);
    else add(D, 'DOM nodes', n(size), 'count', c, '', none, cap);
  }

  // Memory
  const M = 'JS heap after GC, after ready (V8 used size; page + dedicated workers)';
  if (results.timelinejs.has(100)) add(M, 'heap, page + workers', n(100), 'MB', none, TJS, cell(tl(100).map((r) => r.heap.main + r.heap.workers)));
  for (const size of cmSizes) {
    const c = cell(cm(size).map((r) => (r.heap ? r.heap.main + r.heap.workers : null)));
    if (results.timelinejs.has(size)) add(M, 'heap, page + workers', n(size), 'MB', c, TJS, cell(tl(size).map((r) => r.heap.main + r.heap.workers)));
    else if (results.bare.has(size)) {
      add(M, 'heap, page + workers', n(size), 'MB', c, floors(size).heap.label, floors(size).heap.cell, (r) => ratioTarget(r, 2, '≤ 2×'));
      add(M, '  of which page', n(size), 'MB', cell(cm(size).map((r) => r.heap?.main)), BARE, cell(bare(size).map((r) => r.heap.main)));
      add(M, '  of which workers', n(size), 'MB', cell(cm(size).map((r) => r.heap?.workers)), BARE, cell(bare(size).map((r) => r.heap.workers)));
    } else add(M, 'heap, page + workers', n(size), 'MB', c);
  }

  // Interaction
  const I = 'Interaction: from the call until both views have drawn (bare: until idle)';
  for (const size of cmSizes) {
    const c = cell(ready(size).map((r) => r.windowChange?.total));
    if (results.bare.has(size)) {
      add(I, 'setWindow', n(size), 'ms', c, floors(size).window.label, floors(size).window.cell, (r) => ratioTarget(r, 1.3, '≤ 1.3×'));
      add(I, '  bare: setFilter', n(size), 'ms', none, BARE, cell(bare(size).map((r) => r.setFilter)));
      add(I, '  bare: global-state', n(size), 'ms', none, BARE, cell(bare(size).map((r) => r.globalState)));
      add(I, '  bare clustered: setData', n(size), 'ms', none, 'bare clustered', cell((results.bareClustered.get(size) ?? []).map((r) => r.setFilter)));
    } else add(I, 'setWindow', n(size), 'ms', c);
    add(I, '  map side', n(size), 'ms', cell(cm(size).map((r) => r.windowChange?.map)));
    add(I, '  timeline side', n(size), 'ms', cell(cm(size).map((r) => r.windowChange?.timeline)));
  }
  for (const size of cmSizes) {
    const c = cell(ready(size).map((r) => r.selection?.total));
    if (results.timelinejs.has(size)) add(I, 'select', n(size), 'ms', c, `${TJS}, goToNext, painted`, cell(tl(size).map((r) => r.nextFrame)));
    else add(I, 'select', n(size), 'ms', c);
    const mapSide = cell(cm(size).map((r) => r.selection?.map));
    if (results.bare.has(size)) add(I, '  map side', n(size), 'ms', mapSide, floors(size).select.label, floors(size).select.cell, (r) => ratioTarget(r, 1.3, '≤ 1.3×'));
    else add(I, '  map side', n(size), 'ms', mapSide);
    add(I, '  timeline side', n(size), 'ms', cell(cm(size).map((r) => r.selection?.timeline)));
    const lag = timelineAfterMap(ready(size));
    add(I, '  timeline after the map', n(size), 'ms', lag, '', none, results.bare.has(size) ? valueTarget(lag.value?.median, TWO_FRAMES, 'ms', '≤ 2 frames', false) : null);
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
    add(B, L2('  of which MapLibre'), 'all', 'kB', bytes(app.filter((f) => f.kind === 'js' && f.mapLibre)));
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
      const mapEarly = before.map((files) => (files.some((f) => f.mapLibre) ? 1 : 0));
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
    const N = 'Validation in Node (validateJson on the JSON text, 5 runs in a process of its own)';
    const v = cell(results.validation.validate);
    add(N, 'validateJson', n(100_000), 'ms', v, '', none, valueTarget(v.value?.median, 1000, 'ms', '< 1 s'));
    add(N, '  first call (code not yet optimised)', n(100_000), 'ms', cell(results.validation.validate.slice(0, 1)));
    add(N, '  of which JSON.parse alone', n(100_000), 'ms', cell(results.validation.parse));
  }
  for (const c of results.shapes) shapeRows(add, c, results);
  sessionRows(add, results);
  return rows;
}

/** One shape at one size: the same targets as the main table, against the same points drawn bare. */
function shapeRows(add: Add, c: ShapeCase, results: Results): void {
  const section = `Shape "${c.shape.name}": ${c.shape.about}`;
  const size = n(c.size);
  const places = c.data.dataset.places.length;
  add(section, 'places / data file', size, 'count', text(`${places.toLocaleString('en-US')} places, ${(c.dataBytes.raw / 1e6).toFixed(1)} MB`));
  const dom = cell(c.chronomap.map((r) => r.dom?.nodes));
  add(section, 'DOM nodes', size, 'count', dom, '', none, valueTarget(dom.value?.max, DOM_CAP, 'count', '≤ 6,500', false));
  if (c.bare.length || c.bareClustered.length) {
    floorRows(add, { L: section, M: section, I: section }, size, c.chronomap, floorsOf(c.bare, c.bareClustered));
    return;
  }
  const tl = results.timelinejs.get(c.size) ?? [];
  add(section, 'ready', size, 'ms', cell(readyRuns(c.chronomap).map((r) => r.readyAt)), TJS, cell(tl.map((r) => r.readyAt)), TIMELINEJS_READY[c.size] ?? null);
  add(section, 'heap, page + workers', size, 'MB', cell(c.chronomap.map((r) => (r.heap ? r.heap.main + r.heap.workers : null))), TJS, cell(tl.map((r) => r.heap.main + r.heap.workers)));
  add(section, 'setWindow', size, 'ms', cell(readyRuns(c.chronomap).map((r) => r.windowChange?.total)));
  add(section, 'select', size, 'ms', cell(readyRuns(c.chronomap).map((r) => r.selection?.total)), `${TJS}, goToNext, painted`, cell(tl.map((r) => r.nextFrame)));
}

/** Search, playback, the long lesson, WebGL contexts, the 60 MB file and the offline file. */
function sessionRows(add: Add, results: Results): void {
  const S = 'Reader and session: search and playback at 100,000 events (cities); a lesson on the shipped story; a 60 MB file; the offline file';
  const big = n(100_000);
  if (results.reader.length) {
    const longestKey = cell(results.reader.map((r) => Math.max(0, ...r.searchKeyDelays)));
    add(S, 'search: longest key delay while typing', big, 'ms', longestKey, '', none, valueTarget(longestKey.value?.median, 100, 'ms', '≤ 100 ms', false));
    add(S, 'search: last key → matches shown', big, 'ms', cell(results.reader.map((r) => r.searchShown)));
    const p95 = cell(results.reader.map((r) => framePercentiles(r.playFrames)?.p95));
    add(S, 'playback frame p95', big, 'ms', p95, '', none, valueTarget(p95.value?.median, 50, 'ms', '< 50 ms'));
    add(S, '  playback frame p50', big, 'ms', cell(results.reader.map((r) => framePercentiles(r.playFrames)?.p50)));
    const moved = results.reader.filter((r) => r.playMoved > 0).length;
    add(S, '  window moved by playback', big, 'flag', text(`${moved}/${results.reader.length} runs`), '', none, { label: 'all runs', pass: moved === results.reader.length, gap: moved === results.reader.length ? undefined : 'playback did not move the window in every run' });
  }
  for (const r of results.longSession) {
    const size = 'shipped';
    const heap = (s: LongSessionSample) => s.heap.main + s.heap.workers;
    const ratio = heap(r.end) / heap(r.start);
    add(S, `long session: heap after / before`, size, 'count', text(`${(heap(r.start) / 1e6).toFixed(1)} → ${(heap(r.end) / 1e6).toFixed(1)} MB (${ratio.toFixed(3)}×)`), '', none, { label: 'within 10 %', pass: Math.abs(ratio - 1) <= 0.1, gap: `${Math.round((ratio - 1) * 100)}% change` });
    const cold = heap(r.end) / heap(r.fresh);
    add(S, '  from right after the load, before the warm-up', size, 'count', text(`${(heap(r.fresh) / 1e6).toFixed(1)} → ${(heap(r.end) / 1e6).toFixed(1)} MB (${cold.toFixed(3)}×)`));
    add(S, '  of which page / workers', size, 'count', text(`${(r.start.heap.main / 1e6).toFixed(1)} → ${(r.end.heap.main / 1e6).toFixed(1)} / ${(r.start.heap.workers / 1e6).toFixed(1)} → ${(r.end.heap.workers / 1e6).toFixed(1)} MB`));
    add(S, '  DOM nodes after − before', size, 'count', text(`${r.start.dom.toLocaleString('en-US')} → ${r.end.dom.toLocaleString('en-US')} (${r.end.dom - r.start.dom >= 0 ? '+' : ''}${r.end.dom - r.start.dom})`), '', none, { label: 'same', pass: r.end.dom === r.start.dom, gap: `${r.end.dom - r.start.dom} nodes` });
    add(S, '  what the lesson did', size, 'count', text(`${r.done.selections} selections, ${r.done.windows} windows, ${r.done.languages} language switches, ${r.done.storySteps} story steps, ${r.done.playbackSeconds} s of playback`));
  }
  for (const r of results.contexts) {
    add(S, `removed and re-added ${r.cycles}×: live WebGL contexts`, 'shipped', 'count', text(`${r.live} of ${r.made} made`), '', none, { label: '1', pass: r.live === 1, gap: `${r.live} live` });
    add(S, '  "too many active WebGL contexts" warnings', 'shipped', 'count', one(r.warnings), '', none, valueTarget(r.warnings, 1, 'count', '0'));
  }
  if (results.bigLoad.length) {
    const size = `${(results.bigLoad[0]!.bytes / 1e6).toFixed(0)} MB`;
    const worst = cell(results.bigLoad.map((r) => Math.max(0, ...r.loadingKeyDelays)));
    add(S, '60 MB file: longest key delay while loading', size, 'ms', worst, '', none, valueTarget(worst.value?.median, 100, 'ms', '≤ 100 ms', false));
    add(S, '  key delay p95 while loading', size, 'ms', cell(results.bigLoad.map((r) => percentile([...r.loadingKeyDelays].sort((a, b) => a - b), 95))));
    add(S, '  longest key delay until both views have drawn', size, 'ms', cell(results.bigLoad.map((r) => Math.max(0, ...r.keyDelays))));
    add(S, '  ready', size, 'ms', cell(results.bigLoad.map((r) => r.readyAt)));
    const seen = results.bigLoad.filter((r) => r.progressSeen !== null).length;
    add(S, '  progress bar seen', size, 'flag', text(`${seen}/${results.bigLoad.length} runs`), '', none, { label: 'all runs', pass: seen === results.bigLoad.length, gap: 'no progress bar seen in some runs' });
  }
  if (results.offline) {
    if ('error' in results.offline) add(S, 'offline file (npm run package)', 'shipped', 'kB', text(results.offline.error), '', none, { label: '≤ 5 MB', pass: null });
    else {
      const o = results.offline;
      add(S, 'offline file, raw / gzip', 'shipped', 'kB', { value: one(o.raw).value, text: `${(o.raw / 1e6).toFixed(2)} / ${(o.gzip / 1e6).toFixed(2)} MB` }, '', none, valueTarget(o.raw, 5e6, 'kB', '≤ 5 MB', false));
    }
  }
}
