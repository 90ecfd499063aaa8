/**
 * The bare page's floors for one set of points: the faster of its clustered and unclustered
 * variants for loading and window changes, and the lighter heap, so Chronomap is held to the
 * best MapLibre alone can do.
 */
import type { BareRun } from './bare';
import { cell, type Cell } from './report';

export interface Floor {
  cell: Cell;
  /** Which variant and method gave it, for the "Against" column. */
  label: string;
}

const median = (c: Cell): number => c.value?.median ?? Infinity;

function fastest(options: { label: string; cell: Cell }[]): Floor {
  const usable = options.filter((o) => o.cell.value);
  if (!usable.length) return { cell: { value: null }, label: options[0]?.label ?? '' };
  return usable.reduce((a, b) => (median(b.cell) < median(a.cell) ? b : a));
}

export interface Floors {
  ready: Floor;
  window: Floor;
  select: Floor;
  /** The lighter page's heap (page + workers). */
  heap: Floor;
}

export function floorsOf(bare: readonly BareRun[], clustered: readonly BareRun[]): Floors {
  const of = (runs: readonly BareRun[], pick: (r: BareRun) => number) => cell(runs.map(pick));
  return {
    ready: fastest([
      { label: 'bare MapLibre, first idle', cell: of(bare, (r) => r.firstIdle) },
      { label: 'bare clustered, first idle', cell: of(clustered, (r) => r.firstIdle) },
    ]),
    window: fastest([
      { label: 'bare MapLibre, setFilter', cell: of(bare, (r) => r.setFilter) },
      { label: 'bare MapLibre, global-state', cell: of(bare, (r) => r.globalState) },
      { label: 'bare clustered, setData', cell: of(clustered, (r) => Math.min(r.setFilter, r.globalState)) },
    ]),
    // Not the clustered page's: its selected point is mostly inside a cluster, so its feature-state draws nothing.
    select: { label: 'bare MapLibre, feature-state', cell: of(bare, (r) => r.featureState) },
    heap: fastest([
      { label: 'bare MapLibre', cell: of(bare, (r) => r.heap.main + r.heap.workers) },
      { label: 'bare clustered', cell: of(clustered, (r) => r.heap.main + r.heap.workers) },
    ]),
  };
}
