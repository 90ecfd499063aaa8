/**
 * The events shown, or the whole dataset, as a schema v2 file that the validator accepts and the
 * interactive opens: the dataset's records as they were read, without what the app computed
 * (instants, indexes, lanes) or filled in as empty defaults.
 *
 * A file of the events shown holds the places they are drawn at, the dataset's kinds and lanes,
 * its attribution, licence and translations, and the time window shown as its opening `view`.
 * Its `related` links keep only events in the file; stories are left out (their steps point at
 * events and windows of the whole dataset).
 */
import type { ChronoEvent, Dataset } from '../model/dataset';
import type { DatasetRecord, EventRecord, KindRecord, LaneRecord } from '../model/schema';
import type { TimeWindow } from '../model/select';


/** The fields buildDataset adds to an event; never part of a file. */
type Computed = 'index' | 'startMs' | 'endMs' | 'lane';

function eventRecord(e: ChronoEvent, kept: ReadonlySet<string>): EventRecord {
  const { index: _index, startMs: _start, endMs: _end, lane: _lane, ...record } = e as ChronoEvent & Record<Computed, unknown>;
  const out: EventRecord = { ...record };
  // buildDataset fills absent text and lists with empties; a file leaves them out (an empty summary is invalid).
  if (!out.summary) delete out.summary;
  for (const list of ['participants', 'figures', 'sources', 'tags'] as const) if (out[list]?.length === 0) delete out[list];
  if (out.related) {
    const related = out.related.filter((id) => kept.has(id));
    if (related.length) out.related = related;
    else delete out.related;
  }
  return out;
}

function instantText(ms: number): string {
  return new Date(ms).toISOString();
}

/** The dataset's kinds and lanes as records, or nothing when they are the defaults (which need no declaring). */
function categories(dataset: Dataset): { kinds?: KindRecord[]; lanes?: LaneRecord[] } {
  const out: { kinds?: KindRecord[]; lanes?: LaneRecord[] } = {};
  if (dataset.kinds.some((k) => k.label !== null)) {
    out.kinds = dataset.kinds.map((k) => ({ id: k.id, label: k.label ?? k.id, lane: k.lane, color: k.color, colorDark: k.colorDark, shape: k.shape, ...(k.translations ? { translations: k.translations } : {}) }));
  }
  if (dataset.lanes.some((l) => l.label !== null)) {
    out.lanes = dataset.lanes.map((l) => ({ id: l.id, label: l.label ?? l.id, ...(l.translations ? { translations: l.translations } : {}) }));
  }
  return out;
}

/** The events shown (in the order given), opening on the window shown. */
export function shownEventsFile(dataset: Dataset, events: readonly ChronoEvent[], window: TimeWindow | null): DatasetRecord {
  const placeIds = new Set<string>();
  for (const e of events) {
    if (e.place) placeIds.add(e.place);
    for (const site of e.sites ?? []) if (site.place) placeIds.add(site.place);
  }
  const view = window ? { from: instantText(window[0]), to: instantText(window[1]) } : dataset.view;
  return file(dataset, events, dataset.places.filter((p) => placeIds.has(p.id)), view, false);
}

/** Everything: every place (story steps may name places no event has), the stories, the dataset's own view. */
export function wholeDatasetFile(dataset: Dataset): DatasetRecord {
  return file(dataset, dataset.events, dataset.places, dataset.view, true);
}

function file(dataset: Dataset, events: readonly ChronoEvent[], places: DatasetRecord['places'], view: DatasetRecord['view'], stories: boolean): DatasetRecord {
  const ids = new Set(events.map((e) => e.id));
  return {
    version: 2,
    title: dataset.title,
    ...(dataset.description ? { description: dataset.description } : {}),
    ...(dataset.updated ? { updated: dataset.updated } : {}),
    ...(dataset.credits ? { credits: dataset.credits } : {}),
    ...(dataset.license ? { license: dataset.license } : {}),
    ...(dataset.attribution ? { attribution: dataset.attribution } : {}),
    ...(dataset.methodology ? { methodology: dataset.methodology } : {}),
    ...(view ? { view } : {}),
    languages: dataset.languages,
    ...(dataset.translations ? { translations: dataset.translations } : {}),
    ...categories(dataset),
    ...(dataset.eras.length ? { eras: dataset.eras.map(({ startMs: _s, endMs: _e, ...era }) => era) } : {}),
    ...(stories && dataset.stories.length ? { stories: dataset.stories } : {}),
    places,
    events: events.map((e) => eventRecord(e, ids)),
  };
}

/** The file's text: two-space indented, as the project's own dataset is written. */
export function datasetJson(file: DatasetRecord): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
