/**
 * The one application state and the pure reducer that changes it. <chrono-map> owns the only
 * instance; the views get slices of it as properties and send requests up as events.
 */
import type { Dataset } from '../model/dataset';
import type { Problem } from '../model/validate';
import { ALL_FILTERS, initialWindow, type Filters, type TimeWindow } from '../model/select';

export type LoadStatus = 'loading' | 'ready' | 'error';

export interface LoadError {
  /** One-line message for the page and for `cm-error`. */
  message: string;
  problems: readonly Problem[];
  omitted: number;
}

export interface AppState {
  status: LoadStatus;
  dataset: Dataset | null;
  error: LoadError | null;
  window: TimeWindow | null;
  selected: string | null;
  hovered: string | null;
  filters: Filters;
}

export const initialState: AppState = {
  status: 'loading',
  dataset: null,
  error: null,
  window: null,
  selected: null,
  hovered: null,
  filters: ALL_FILTERS,
};

export type Action =
  | { type: 'load' }
  | { type: 'loaded'; dataset: Dataset; window?: TimeWindow | null; selected?: string | null; filters?: Filters }
  | { type: 'failed'; error: LoadError }
  | { type: 'drawn' }
  | { type: 'select'; id: string | null }
  | { type: 'hover'; id: string | null }
  | { type: 'window'; window: TimeWindow }
  | { type: 'filters'; filters: Filters }
  | { type: 'restore'; window: TimeWindow | null; selected: string | null; filters: Filters };

/** Smallest window the views can show: one minute. */
const MIN_SPAN = 60_000;

export function reduce(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'load':
      return { ...initialState };
    case 'loaded': {
      const { dataset } = action;
      return {
        ...state,
        status: 'loading',
        dataset,
        error: null,
        window: normalizeWindow(action.window ?? initialWindow(dataset)),
        selected: action.selected && dataset.eventById.has(action.selected) ? action.selected : null,
        hovered: null,
        filters: action.filters ?? ALL_FILTERS,
      };
    }
    case 'failed':
      return { ...initialState, status: 'error', error: action.error };
    case 'drawn':
      return state.status === 'loading' && state.dataset ? { ...state, status: 'ready' } : state;
    case 'select': {
      const id = action.id && state.dataset?.eventById.has(action.id) ? action.id : null;
      return id === state.selected ? state : { ...state, selected: id };
    }
    case 'hover':
      return action.id === state.hovered ? state : { ...state, hovered: action.id };
    case 'window': {
      const window = normalizeWindow(action.window);
      return window && state.window && window[0] === state.window[0] && window[1] === state.window[1] ? state : { ...state, window };
    }
    case 'filters':
      return { ...state, filters: action.filters };
    case 'restore': {
      const selected = action.selected && state.dataset?.eventById.has(action.selected) ? action.selected : null;
      const window = action.window ? normalizeWindow(action.window) : state.dataset ? initialWindow(state.dataset) : null;
      return { ...state, window, selected, filters: action.filters };
    }
  }
}

function normalizeWindow(window: TimeWindow | null): TimeWindow | null {
  if (!window) return null;
  let [from, to] = window;
  if (!Number.isFinite(from) || !Number.isFinite(to)) return null;
  if (to < from) [from, to] = [to, from];
  if (to - from < MIN_SPAN) {
    const mid = (from + to) / 2;
    return [mid - MIN_SPAN / 2, mid + MIN_SPAN / 2];
  }
  return [from, to];
}
