/**
 * The URL hash is derived from the application state and read back into it, in this one place:
 * `#event=kharkiv-apartment-strike&from=2025-08-14&to=2025-08-22&kinds=attack&status=reported`.
 * Filters are written only when they hide something, so a plain link stays short.
 */
import { EVENT_KINDS, EVENT_STATUSES, type EventKind, type EventStatus } from '../model/schema';
import { ALL_FILTERS, isAllFilters, parseInstant, type Filters, type TimeWindow } from '../model/select';

export interface UrlState {
  selected: string | null;
  window: TimeWindow | null;
  filters: Filters;
}

const DAY = 86_400_000;

/** Short ISO form: a date at UTC midnight, else minutes (seconds only when present). */
export function formatInstant(ms: number): string {
  const iso = new Date(Math.round(ms / 1000) * 1000).toISOString();
  if (ms % DAY === 0) return iso.slice(0, 10);
  return iso.endsWith(':00.000Z') ? `${iso.slice(0, 16)}Z` : `${iso.slice(0, 19)}Z`;
}

export function toHash({ selected, window, filters }: UrlState): string {
  const params = new URLSearchParams();
  if (selected) params.set('event', selected);
  if (window) {
    params.set('from', formatInstant(window[0]));
    params.set('to', formatInstant(window[1]));
  }
  if (!isAllFilters(filters)) {
    params.set('kinds', filters.kinds.join(','));
    params.set('status', filters.statuses.join(','));
  }
  const text = params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
  return text ? `#${text}` : '';
}

/** Reads a hash; anything unknown or malformed is ignored rather than trusted. */
export function fromHash(hash: string): UrlState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const from = parseInstant(params.get('from') ?? '');
  const to = parseInstant(params.get('to') ?? '');
  const pick = <T extends string>(key: string, allowed: readonly T[]): readonly T[] => {
    const raw = params.get(key);
    if (raw === null) return allowed;
    const set = new Set(raw.split(','));
    return allowed.filter((a) => set.has(a));
  };
  return {
    selected: params.get('event') || null,
    window: Number.isFinite(from) && Number.isFinite(to) && from < to ? [from, to] : null,
    filters: params.has('kinds') || params.has('status') ? { kinds: pick<EventKind>('kinds', EVENT_KINDS), statuses: pick<EventStatus>('status', EVENT_STATUSES) } : ALL_FILTERS,
  };
}
