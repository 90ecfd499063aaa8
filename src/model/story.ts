/**
 * What a story step shows, as a pure function of the dataset: the event it selects, its time
 * window, its filters and the places the map must keep in view.
 */
import type { Dataset } from './dataset';
import type { StoryRecord } from './schema';
import { ALL_FILTERS, filtersShowing, windowOf, type Filters, type TimeWindow } from './select';

export interface StepView {
  selected: string | null;
  window: TimeWindow | null;
  filters: Filters;
  /** Places the map must show; empty when the step names none. */
  focus: readonly string[];
}

const DAY = 86_400_000;

export function storyById(dataset: Dataset, id: string | null | undefined): StoryRecord | undefined {
  return id ? dataset.stories.find((s) => s.id === id) : undefined;
}

/**
 * The view of step `step` (counted from 1). A step without its own window keeps `current`
 * when that shows the step's event, else centres a window of the same length on the event.
 */
export function stepView(dataset: Dataset, story: StoryRecord, step: number, current: TimeWindow | null): StepView {
  const s = story.steps[Math.min(Math.max(step, 1), story.steps.length) - 1]!;
  const event = s.event ? dataset.eventById.get(s.event) : undefined;
  let window = s.view ? windowOf(s.view) : null;
  if (!window && event) {
    const length = current ? current[1] - current[0] : 7 * DAY;
    const shown = current && event.startMs <= current[1] && event.endMs >= current[0];
    const middle = (event.startMs + event.endMs) / 2;
    window = shown ? current : [middle - length / 2, middle + length / 2];
  }
  const places = s.places ?? [];
  return {
    selected: event?.id ?? null,
    window: window ?? current,
    filters: s.kinds || s.statuses ? filtersShowing(dataset, s.kinds, s.statuses) : ALL_FILTERS,
    focus: places.filter((p) => dataset.placeById.has(p)),
  };
}
