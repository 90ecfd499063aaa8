/**
 * The floor Chronomap's map is measured against: MapLibre alone, the same points as a circle
 * layer on a GeoJSON source (the worker fetches and parses the file itself), no basemap, no
 * labels, no app. A time window can be applied by `setFilter` or by a `global-state` filter,
 * and a selection by `setFeatureState`; each is timed until the map is `idle`.
 *
 * Query: `data` (GeoJSON URL; features carry numeric `id` and properties `t` start ms, `e` end
 * ms, `k` kind), `w`, `h` (container size in px), `bbox` (`west,south,east,north` to fit).
 */
import { Map as MapLibreMap, setWorkerUrl, type ExpressionSpecification, type FilterSpecification, type LngLatBoundsLike } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { BareMapBench } from '../api';

setWorkerUrl(workerUrl);

const params = new URLSearchParams(location.search);
const dataUrl = params.get('data') ?? '';
const width = Number(params.get('w') ?? 800);
const height = Number(params.get('h') ?? 460);
const bbox = (params.get('bbox') ?? '22,44,40,53').split(',').map(Number) as [number, number, number, number];

const container = document.getElementById('map')!;
container.style.width = `${width}px`;
container.style.height = `${height}px`;

/** Events overlap a window when they start before its end and end after its start. */
const OPEN = 8.64e15;
const globalFilter: FilterSpecification = ['all', ['<=', ['get', 't'], ['global-state', 'to']], ['>=', ['get', 'e'], ['global-state', 'from']]];
const literalFilter = (from: number, to: number): FilterSpecification => ['all', ['<=', ['get', 't'], to], ['>=', ['get', 'e'], from]];
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

const map = new MapLibreMap({
  container,
  attributionControl: false,
  bounds: bbox as LngLatBoundsLike,
  fitBoundsOptions: { padding: 20 },
  style: {
    version: 8,
    state: { from: { default: -OPEN }, to: { default: OPEN } },
    sources: { points: { type: 'geojson', data: dataUrl } },
    layers: [
      { id: 'paper', type: 'background', paint: { 'background-color': '#ece9e2' } },
      {
        id: 'points',
        type: 'circle',
        source: 'points',
        filter: globalFilter,
        paint: {
          'circle-radius': ['case', selected, 8, 4],
          'circle-color': ['match', ['get', 'k'], 'attack', '#b3261e', '#1f5fa8'],
          'circle-stroke-color': ['case', selected, '#1b1b1f', '#ffffff'],
          'circle-stroke-width': ['case', selected, 2, 0.5],
        },
      },
    ],
  },
});

const idle = (): Promise<void> => new Promise((resolve) => map.once('idle', () => resolve()));
const timed = async (change: () => void): Promise<number> => {
  const t0 = performance.now();
  const done = idle();
  change();
  await done;
  return performance.now() - t0;
};

let selectedId: number | null = null;
const canvas = map.getCanvas();

const bench: BareMapBench = {
  firstIdle: null,
  error: null,
  canvas: { width: canvas.clientWidth, height: canvas.clientHeight },
  setFilterWindow: (from, to) => timed(() => map.setFilter('points', literalFilter(from, to))),
  globalStateWindow: (from, to) =>
    timed(() => {
      map.setGlobalStateProperty('from', from);
      map.setGlobalStateProperty('to', to);
    }),
  resetWindow: async () => {
    await timed(() => {
      map.setFilter('points', globalFilter);
      map.setGlobalStateProperty('from', -OPEN);
      map.setGlobalStateProperty('to', OPEN);
    });
  },
  selectFeature: (id) =>
    timed(() => {
      if (selectedId !== null) map.setFeatureState({ source: 'points', id: selectedId }, { selected: false });
      map.setFeatureState({ source: 'points', id }, { selected: true });
      selectedId = id;
    }),
};
window.__bench = bench;

map.once('idle', () => {
  bench.firstIdle = performance.now();
  bench.canvas = { width: canvas.clientWidth, height: canvas.clientHeight };
});
map.on('error', (e) => {
  bench.error = String(e.error?.message ?? e.error ?? 'map error');
});
