/**
 * The URL hash is derived from the application state and read back into it, in this one place:
 * `#event=kharkiv-apartment-strike&from=2025-08-14&to=2025-08-22&kinds=attack&status=reported`,
 * `#q=kharkiv`, `#story=august-2025&step=3`. Filters are written only when they hide something,
 * and a story step only what differs from the step itself, so a plain link stays short.
 * Whatever a hash holds that the dataset does not know is ignored, never trusted.
 */
import type { Dataset } from '../model/dataset';
import { ALL_FILTERS, filtersShowing, isAllFilters, parseInstant, type Filters, type TimeWindow } from '../model/select';

export interface StoryPosition {
  id: string;
  /** Counted from 1, as readers and the `step` attribute count. */
  step: number;
}

export interface UrlState {
  selected: string | null;
  window: TimeWindow | null;
  filters: Filters;
  query: string;
  story: StoryPosition | null;
}

/** A search longer than this is cut: nobody types it, and a hostile link cannot make it costly. */
export const MAX_QUERY = 200;

const DAY = 86_400_000;

/** Short ISO form: a date at UTC midnight, else minutes (seconds only when present). */
export function formatInstant(ms: number): string {
  const iso = new Date(Math.round(ms / 1000) * 1000).toISOString();
  if (ms % DAY === 0) return iso.slice(0, iso.length - 14);
  return iso.endsWith(':00.000Z') ? `${iso.slice(0, -8)}Z` : `${iso.slice(0, -5)}Z`;
}

const sameWindow = (a: TimeWindow | null, b: TimeWindow | null) => a === b || (!!a && !!b && a[0] === b[0] && a[1] === b[1]);
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
const sameFilters = (a: Filters, b: Filters) => sameList(a.hiddenKinds, b.hiddenKinds) && sameList(a.hiddenStatuses, b.hiddenStatuses);

/**
 * The hash for a state. `base` is what a story step shows by itself: parts equal to it are left
 * out, since opening the step restores them.
 */
export function toHash(state: UrlState, dataset: Dataset, base?: Omit<UrlState, 'query' | 'story'>): string {
  const params = new URLSearchParams();
  if (state.story) {
    params.set('story', state.story.id);
    params.set('step', String(state.story.step));
  }
  if (state.selected && state.selected !== base?.selected) params.set('event', state.selected);
  if (state.window && !sameWindow(state.window, base?.window ?? null)) {
    params.set('from', formatInstant(state.window[0]));
    params.set('to', formatInstant(state.window[1]));
  }
  if (!isAllFilters(state.filters) && !(base && sameFilters(state.filters, base.filters))) {
    params.set('kinds', dataset.kinds.map((k) => k.id).filter((k) => !state.filters.hiddenKinds.includes(k)).join(','));
    params.set('status', dataset.statuses.filter((s) => !state.filters.hiddenStatuses.includes(s)).join(','));
  }
  if (state.query) params.set('q', state.query);
  const text = params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
  return text ? `#${text}` : '';
}

/** Reads a hash against the dataset; anything unknown or malformed is ignored rather than trusted. */
export function fromHash(hash: string, dataset: Dataset): UrlState {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(hash.replace(/^#/, ''));
  } catch {
    params = new URLSearchParams();
  }
  const get = (key: string) => params.get(key)?.slice(0, 2 * MAX_QUERY) ?? null;
  const from = parseInstant(get('from') ?? '');
  const to = parseInstant(get('to') ?? '');
  const list = (key: string) => {
    const raw = get(key);
    return raw === null ? undefined : raw.split(',');
  };
  const kinds = list('kinds');
  const statuses = list('status');
  const selected = get('event');
  const storyId = get('story');
  const step = Number(get('step') ?? '1');
  const story = storyId ? dataset.stories.find((s) => s.id === storyId) : undefined;
  return {
    selected: selected && dataset.eventById.has(selected) ? selected : null,
    window: Number.isFinite(from) && Number.isFinite(to) && from < to ? [from, to] : null,
    filters: kinds || statuses ? filtersShowing(dataset, kinds, statuses) : ALL_FILTERS,
    query: (get('q') ?? '').slice(0, MAX_QUERY),
    story: story ? { id: story.id, step: Number.isInteger(step) ? Math.min(Math.max(step, 1), story.steps.length) : 1 } : null,
  };
}
