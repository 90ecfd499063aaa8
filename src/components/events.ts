/**
 * Typed DOM events. Public events (`cm-select`, `cm-window-change`, `cm-ready`, `cm-error`) are
 * fired by <chrono-map> and cross shadow roots so an embedding page can listen to them.
 * Internal requests from the views to the root bubble inside the root's shadow tree only.
 */
import type { PlaySpeed } from '../model/playback';
import type { Filters } from '../model/select';

export class ChronoSelectEvent extends Event {
  static readonly type = 'cm-select';
  constructor(readonly id: string | null) {
    super(ChronoSelectEvent.type, { bubbles: true, composed: true });
  }
}

export class ChronoWindowChangeEvent extends Event {
  static readonly type = 'cm-window-change';
  /** ISO 8601 instants (UTC). */
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(ChronoWindowChangeEvent.type, { bubbles: true, composed: true });
  }
}

export class ChronoReadyEvent extends Event {
  static readonly type = 'cm-ready';
  constructor() {
    super(ChronoReadyEvent.type, { bubbles: true, composed: true });
  }
}

export class ChronoStepChangeEvent extends Event {
  static readonly type = 'cm-step-change';
  /** `step` counts from 1; null when the story was closed. */
  constructor(
    readonly story: string | null,
    readonly step: number | null,
  ) {
    super(ChronoStepChangeEvent.type, { bubbles: true, composed: true });
  }
}

export class ChronoErrorEvent extends Event {
  static readonly type = 'cm-error';
  constructor(readonly message: string) {
    super(ChronoErrorEvent.type, { bubbles: true, composed: true });
  }
}

/** A view asks the root to select an event (or clear with null). */
export class PickEvent extends Event {
  static readonly type = 'cm-pick';
  constructor(readonly id: string | null) {
    super(PickEvent.type, { bubbles: true, composed: false });
  }
}

/** A view reports the event under the pointer (or null). */
export class HoverEvent extends Event {
  static readonly type = 'cm-hover';
  constructor(readonly id: string | null) {
    super(HoverEvent.type, { bubbles: true, composed: false });
  }
}

/** The timeline asks the root for a new time window (epoch milliseconds). */
export class WindowRequestEvent extends Event {
  static readonly type = 'cm-window-request';
  constructor(
    readonly from: number,
    readonly to: number,
  ) {
    super(WindowRequestEvent.type, { bubbles: true, composed: false });
  }
}

/** The timeline's play button: play at a speed, or pause with null. */
export class PlayRequestEvent extends Event {
  static readonly type = 'cm-play-request';
  constructor(readonly speed: PlaySpeed | null) {
    super(PlayRequestEvent.type, { bubbles: true, composed: false });
  }
}

/** The search field's text changed. */
export class QueryEvent extends Event {
  static readonly type = 'cm-query';
  constructor(readonly query: string) {
    super(QueryEvent.type, { bubbles: true, composed: false });
  }
}

/** Enter in the search field: select the next match. */
export class QuerySubmitEvent extends Event {
  static readonly type = 'cm-query-submit';
  constructor() {
    super(QuerySubmitEvent.type, { bubbles: true, composed: false });
  }
}

/** The story card asks for a step (counted from 1). */
export class StepRequestEvent extends Event {
  static readonly type = 'cm-step-request';
  constructor(readonly step: number) {
    super(StepRequestEvent.type, { bubbles: true, composed: false });
  }
}

/** The story card's "Explore on your own". */
export class StoryCloseEvent extends Event {
  static readonly type = 'cm-story-close';
  constructor() {
    super(StoryCloseEvent.type, { bubbles: true, composed: false });
  }
}

/** The presenter view's button: turn it on or off. */
export class PresentRequestEvent extends Event {
  static readonly type = 'cm-present-request';
  constructor(readonly on: boolean) {
    super(PresentRequestEvent.type, { bubbles: true, composed: false });
  }
}

/** A view could not draw; it shows a message in its place. */
export class ViewErrorEvent extends Event {
  static readonly type = 'cm-view-error';
  constructor(
    readonly view: 'timeline' | 'map' | 'details' | 'table',
    readonly reason: string,
  ) {
    super(ViewErrorEvent.type, { bubbles: true, composed: false });
  }
}

/** A view has drawn what it was last given. */
export class ViewReadyEvent extends Event {
  static readonly type = 'cm-view-ready';
  constructor(readonly view: 'timeline' | 'map') {
    super(ViewReadyEvent.type, { bubbles: true, composed: false });
  }
}

/** The map switched from WebGL to its SVG fallback. */
export class MapFallbackEvent extends Event {
  static readonly type = 'cm-map-fallback';
  constructor(readonly reason: string) {
    super(MapFallbackEvent.type, { bubbles: true, composed: false });
  }
}

declare global {
  interface HTMLElementEventMap {
    'cm-select': ChronoSelectEvent;
    'cm-window-change': ChronoWindowChangeEvent;
    'cm-ready': ChronoReadyEvent;
    'cm-error': ChronoErrorEvent;
    'cm-step-change': ChronoStepChangeEvent;
    'cm-pick': PickEvent;
    'cm-hover': HoverEvent;
    'cm-window-request': WindowRequestEvent;
    'cm-view-ready': ViewReadyEvent;
    'cm-play-request': PlayRequestEvent;
    'cm-view-error': ViewErrorEvent;
    'cm-query': QueryEvent;
    'cm-query-submit': QuerySubmitEvent;
    'cm-step-request': StepRequestEvent;
    'cm-story-close': StoryCloseEvent;
    'cm-present-request': PresentRequestEvent;
    'cm-map-fallback': MapFallbackEvent;
  }
}

/** The filters ask the root to let through these kinds and statuses. */
export class FilterRequestEvent extends Event {
  static readonly type = 'cm-filter-request';
  constructor(readonly filters: Filters) {
    super(FilterRequestEvent.type, { bubbles: true, composed: false });
  }
}

declare global {
  interface HTMLElementEventMap {
    'cm-filter-request': FilterRequestEvent;
  }
}
