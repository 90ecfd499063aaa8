/**
 * The floor Chronomap's map is measured against: MapLibre alone, the same points as a circle
 * layer on a GeoJSON source (the worker fetches and parses the file itself), no basemap, no
 * labels, no app. A time window can be applied by `setFilter` or by a `global-state` filter,
 * and a selection by `setFeatureState`; each is timed until the map is `idle`.
 *
 * With `cluster=1` the source is clustered by MapLibre (in its worker, with a count per
 * cluster) and drawn as cluster circles plus the points outside clusters; a window is then
 * applied by `setData` with the events inside it, since a layer filter would leave the
 * clusters counting every event.
 *
 * Query: `data` (GeoJSON URL; features carry numeric `id` and properties `t` start ms, `e` end
 * ms, `k` kind), `w`, `h` (container size in px), `bbox` (`west,south,east,north` to fit),
 * `cluster` (`1` to cluster).
 */
import { Map as MapLibreMap, setWorkerUrl, type ExpressionSpecification, type FilterSpecification, type GeoJSONSource, type LayerSpecification, type LngLatBoundsLike } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { BareMapBench } from '../api';

setWorkerUrl(workerUrl);

const params = new URLSearchParams(location.search);
const dataUrl = params.get('data') ?? '';
const width = Number(params.get('w') ?? 800);
const height = Number(params.get('h') ?? 460);
const bbox = (params.get('bbox') ?? '22,44,40,53').split(',').map(Number) as [number, number, number, number];
const clustered = params.get('cluster') === '1';

const container = document.getElementById('map')!;
container.style.width = `${width}px`;
container.style.height = `${height}px`;

/** Events overlap a window when they start before its end and end after its start. */
const OPEN = 8.64e15;
const globalFilter: FilterSpecification = ['all', ['<=', ['get', 't'], ['global-state', 'to']], ['>=', ['get', 'e'], ['global-state', 'from']]];
const literalFilter = (from: number, to: number): FilterSpecification => ['all', ['<=', ['get', 't'], to], ['>=', ['get', 'e'], from]];
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

const clusterLayers: LayerSpecification[] = [
  { id: 'clusters', type: 'circle', source: 'points', filter: ['has', 'point_count'], paint: { 'circle-radius': ['step', ['get', 'point_count'], 10, 100, 14, 1000, 18], 'circle-color': '#7a6f64', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 } },
];

const map = new MapLibreMap({
  container,
  attributionControl: false,
  bounds: bbox as LngLatBoundsLike,
  fitBoundsOptions: { padding: 20 },
  style: {
    version: 8,
    state: { from: { default: -OPEN }, to: { default: OPEN } },
    sources: { points: clustered ? { type: 'geojson', data: dataUrl, cluster: true, clusterRadius: 40, clusterMaxZoom: 14 } : { type: 'geojson', data: dataUrl } },
    layers: [
      { id: 'paper', type: 'background', paint: { 'background-color': '#ece9e2' } },
      ...(clustered ? clusterLayers : []),
      {
        id: 'points',
        type: 'circle',
        source: 'points',
        filter: clustered ? ['!', ['has', 'point_count']] : globalFilter,
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

interface PointFeature {
  type: 'Feature';
  id: number;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { t: number; e: number; k: string };
}
interface Points {
  type: 'FeatureCollection';
  features: PointFeature[];
}
/** The clustered page's own copy of the points, fetched once after the first idle (not timed), to window by `setData`. */
let allPoints: Points | null = null;
const pointsInWindow = async (from: number, to: number): Promise<Points> => {
  allPoints ??= (await (await fetch(dataUrl)).json()) as Points;
  return { type: 'FeatureCollection', features: allPoints.features.filter((f) => f.properties.t <= to && f.properties.e >= from) };
};
const setDataWindow = async (from: number, to: number): Promise<number> => {
  const data = await pointsInWindow(from, to);
  return timed(() => map.getSource<GeoJSONSource>('points')!.setData(data));
};

const bench: BareMapBench = {
  firstIdle: null,
  error: null,
  clustered,
  canvas: { width: canvas.clientWidth, height: canvas.clientHeight },
  setFilterWindow: (from, to) => (clustered ? setDataWindow(from, to) : timed(() => map.setFilter('points', literalFilter(from, to)))),
  globalStateWindow: (from, to) =>
    clustered
      ? setDataWindow(from, to)
      : timed(() => {
          map.setGlobalStateProperty('from', from);
          map.setGlobalStateProperty('to', to);
        }),
  resetWindow: async () => {
    if (clustered) {
      await setDataWindow(-OPEN, OPEN);
      return;
    }
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
