/**
 * The one application state and the pure reducer that changes it. <chrono-map> owns the only
 * instance; the views get slices of it as properties and send requests up as events. Story
 * steps and the playback clock are state too, so links, keys, buttons and host-page messages
 * all move the interactive through the same actions.
 */
import type { Dataset } from '../model/dataset';
import { PLAY_SPEEDS, advance, playStart, type PlaySpeed } from '../model/playback';
import { ALL_FILTERS, initialWindow, type Filters, type TimeWindow } from '../model/select';
import { stepView, storyById } from '../model/story';
import type { Problem } from '../model/validate';
import { MAX_QUERY, type StoryPosition, type UrlState } from './url';

export type LoadStatus = 'loading' | 'ready' | 'error';

export interface LoadError {
  /** One-line message for the page and for `cm-error`. */
  message: string;
  problems: readonly Problem[];
  omitted: number;
  /** True when trying again may help (the network, the server), not when the file itself is wrong. */
  retry?: boolean;
}

export interface AppState {
  status: LoadStatus;
  dataset: Dataset | null;
  error: LoadError | null;
  /** The dataset's warnings: never blocking, listed under "About the data". */
  warnings: readonly Problem[];
  window: TimeWindow | null;
  selected: string | null;
  hovered: string | null;
  filters: Filters;
  /** Words the reader searches for; matches are highlighted in every view. */
  query: string;
  /** The story open and its step, or null when exploring freely. */
  story: StoryPosition | null;
  /** Places the map must keep in view (a story step names them); empty otherwise. */
  focus: readonly string[];
  /** Playing through time at this speed, or null. */
  playback: { speed: PlaySpeed } | null;
}

export const initialState: AppState = {
  status: 'loading',
  dataset: null,
  error: null,
  warnings: [],
  window: null,
  selected: null,
  hovered: null,
  filters: ALL_FILTERS,
  query: '',
  story: null,
  focus: [],
  playback: null,
};

export type Action =
  | { type: 'load' }
  | ({ type: 'loaded'; dataset: Dataset; warnings?: readonly Problem[] } & Partial<UrlState>)
  | { type: 'failed'; error: LoadError }
  | { type: 'drawn' }
  | { type: 'select'; id: string | null }
  | { type: 'hover'; id: string | null }
  | { type: 'window'; window: TimeWindow }
  | { type: 'filters'; filters: Filters }
  | { type: 'query'; query: string }
  /** Opens a story at a step (from 1), or closes the story with a null id. */
  | { type: 'story'; id: string | null; step?: number }
  | { type: 'step'; step: number }
  | { type: 'play'; speed: PlaySpeed }
  | { type: 'pause' }
  /** The playback clock: `elapsed` ms since the last tick, or one reduced-motion step. */
  | { type: 'tick'; elapsed: number; stepped: boolean }
  | ({ type: 'restore' } & UrlState);

/** Smallest window the views can show: one minute. */
const MIN_SPAN = 60_000;

export function reduce(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'load':
      return { ...initialState };
    case 'loaded': {
      const { dataset } = action;
      const base: AppState = {
        ...state,
        status: 'loading',
        dataset,
        error: null,
        warnings: action.warnings ?? [],
        window: normalizeWindow(action.window ?? initialWindow(dataset)),
        selected: action.selected && dataset.eventById.has(action.selected) ? action.selected : null,
        hovered: null,
        filters: action.filters ?? ALL_FILTERS,
        query: clampQuery(action.query ?? ''),
        story: null,
        focus: [],
        playback: null,
      };
      return action.story ? openStory(base, action.story.id, action.story.step, action) : base;
    }
    case 'failed':
      return { ...initialState, status: 'error', error: action.error };
    case 'drawn':
      return state.status === 'loading' && state.dataset ? { ...state, status: 'ready' } : state;
    case 'select': {
      const id = action.id && state.dataset?.eventById.has(action.id) ? action.id : null;
      return id === state.selected && !state.playback ? state : { ...state, selected: id, playback: null };
    }
    case 'hover':
      return action.id === state.hovered ? state : { ...state, hovered: action.id };
    case 'window': {
      const window = normalizeWindow(action.window);
      if (!window || (state.window && window[0] === state.window[0] && window[1] === state.window[1] && !state.playback)) return state;
      return { ...state, window, focus: [], playback: null };
    }
    case 'filters':
      return { ...state, filters: action.filters, focus: [], playback: null };
    case 'query': {
      const query = clampQuery(action.query);
      return query === state.query ? state : { ...state, query };
    }
    case 'story':
      if (action.id === null) return state.story ? { ...state, story: null, focus: [], playback: null } : state;
      return state.dataset && storyById(state.dataset, action.id) ? openStory({ ...state, playback: null }, action.id, action.step ?? 1) : state;
    case 'step':
      return state.story ? openStory({ ...state, playback: null }, state.story.id, action.step) : state;
    case 'play': {
      if (!state.dataset || !state.window || !PLAY_SPEEDS.includes(action.speed)) return state;
      const window = state.playback ? state.window : playStart(state.window, state.dataset.extent);
      return { ...state, window, focus: [], playback: { speed: action.speed } };
    }
    case 'pause':
      return state.playback ? { ...state, playback: null } : state;
    case 'tick': {
      if (!state.playback || !state.dataset || !state.window) return state;
      const next = advance(state.window, state.dataset.extent, state.playback.speed, action.elapsed, action.stepped);
      return { ...state, window: next.window, playback: next.done ? null : state.playback };
    }
    case 'restore': {
      const d = state.dataset;
      const selected = action.selected && d?.eventById.has(action.selected) ? action.selected : null;
      const window = action.window ? normalizeWindow(action.window) : d ? initialWindow(d) : null;
      const restored: AppState = { ...state, window, selected, filters: action.filters, query: clampQuery(action.query), story: null, focus: [], playback: null };
      return action.story ? openStory(restored, action.story.id, action.story.step, action) : restored;
    }
  }
}

/**
 * The state at a story's step; what a link gives besides the step (`overrides`: a hash holds
 * only what differs from the step) is applied on top.
 */
function openStory(state: AppState, id: string, step: number, overrides?: Partial<UrlState>): AppState {
  const d = state.dataset;
  const story = d ? storyById(d, id) : undefined;
  if (!d || !story) return state;
  const n = Math.min(Math.max(Math.round(step) || 1, 1), story.steps.length);
  const view = stepView(d, story, n, state.window);
  const selected = overrides?.selected && d.eventById.has(overrides.selected) ? overrides.selected : view.selected;
  return {
    ...state,
    story: { id: story.id, step: n },
    selected,
    window: normalizeWindow(overrides?.window ?? view.window),
    filters: overrides?.filters && overrides.filters !== ALL_FILTERS ? overrides.filters : view.filters,
    focus: view.focus,
  };
}

function clampQuery(query: string): string {
  return typeof query === 'string' ? query.slice(0, MAX_QUERY) : '';
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
