/**
 * Which timeline marks get their headline written beside them, as pure math: a label goes
 * beside its mark, in the mark's row (to the right, else to the left), wherever it fits before
 * the next mark or label of that row and the edge of the plot; a long headline is shortened
 * with an ellipsis rather than dropped when at least a few words fit. Marks are labelled in order of importance (the caller
 * sorts them: selected, then key events, then the rest in time order), so the story's main
 * events win the space.
 */

export interface LabelCandidate {
  id: string;
  lane: string;
  row: number;
  /** Centre of the mark, in px. */
  x: number;
  text: string;
}

export interface PlacedLabel {
  id: string;
  lane: string;
  row: number;
  /** Where the text starts, in px. */
  x: number;
  text: string;
  /** True when the headline was shortened to fit. */
  shortened: boolean;
}

export interface LabelOptions {
  /** Width of the plot, in px. */
  width: number;
  /** Half the width a mark takes, in px: labels keep clear of it. */
  markHalf: number;
  /** Width of a text in px, in the labels' font. */
  measure: (text: string) => number;
  /** The narrowest space worth a shortened label, in px. */
  minWidth?: number;
}

const GAP = 3;
const ELLIPSIS = '…';

/**
 * Labels for `candidates` (in the order they should win space); `obstacles` are every mark
 * drawn, labelled or not, so no label runs over one.
 */
export function placeLabels(candidates: readonly LabelCandidate[], obstacles: readonly Pick<LabelCandidate, 'lane' | 'row' | 'x'>[], options: LabelOptions): PlacedLabel[] {
  const { width, markHalf, measure } = options;
  const minWidth = options.minWidth ?? 48;
  const taken = new Map<string, [number, number][]>();
  const row = (lane: string, r: number) => {
    const key = `${lane}\u0000${r}`;
    let list = taken.get(key);
    if (!list) taken.set(key, (list = []));
    return list;
  };
  for (const o of obstacles) row(o.lane, o.row).push([o.x - markHalf, o.x + markHalf]);
  const placed: PlacedLabel[] = [];
  for (const c of candidates) {
    const spans = row(c.lane, c.row);
    const full = measure(c.text);
    // Room to the right of the mark, then to its left: the right is the reading side; the left
    // serves when it holds the whole headline and the right does not, or holds more of it.
    const right = room(spans, c.x + markHalf + GAP, width - GAP, 'right');
    const left = room(spans, GAP, c.x - markHalf - GAP, 'left');
    const size = (r: [number, number] | null) => (r ? r[1] - r[0] : 0);
    const side = size(right) >= full ? right : size(left) >= full ? left : size(right) >= size(left) ? right : left;
    if (!side || size(side) < Math.min(minWidth, full)) continue;
    const fitted = fit(c.text, side[1] - side[0], measure);
    if (!fitted) continue;
    const w = measure(fitted.text);
    const x = side === left ? side[1] - w : side[0];
    spans.push([x, x + w]);
    placed.push({ id: c.id, lane: c.lane, row: c.row, x, text: fitted.text, shortened: fitted.shortened });
  }
  return placed;
}

/**
 * The labels after `candidate` has become the most important (a new selection) while the marks
 * stay: its label placed first, as `placeLabels` would, and of the labels already placed those
 * that leave it room. Labels it displaces are dropped, not moved elsewhere, so nothing else on
 * the timeline shifts; the next full placement (a new window) fills any space they leave.
 */
export function placeFirst(candidate: LabelCandidate, obstacles: readonly Pick<LabelCandidate, 'lane' | 'row' | 'x'>[], placed: readonly PlacedLabel[], options: LabelOptions): PlacedLabel[] {
  const others = placed.filter((l) => l.id !== candidate.id);
  const [own] = placeLabels([candidate], obstacles, options);
  if (!own) return others;
  const end = own.x + options.measure(own.text);
  const clear = (l: PlacedLabel) => l.lane !== own.lane || l.row !== own.row || l.x >= end + GAP || l.x + options.measure(l.text) <= own.x - GAP;
  return [own, ...others.filter(clear)];
}

/**
 * The free stretch of a row next to a mark: from `start` rightwards to the first thing taken, or
 * from `end` leftwards to the last thing taken; null when the mark's own side is taken.
 */
function room(spans: readonly [number, number][], start: number, end: number, toward: 'right' | 'left'): [number, number] | null {
  if (end <= start) return null;
  let a = start;
  let b = end;
  for (const [s0, s1] of spans) {
    if (s1 <= a || s0 >= b) continue;
    if (toward === 'right') {
      if (s0 <= a) return null;
      b = Math.min(b, s0 - GAP);
    } else {
      if (s1 >= b) return null;
      a = Math.max(a, s1 + GAP);
    }
  }
  return b > a ? [a, b] : null;
}

/** The text, or its longest start with an ellipsis, that fits in `room` px; null if too little fits. */
export function fit(text: string, room: number, measure: (text: string) => number): { text: string; shortened: boolean } | null {
  if (measure(text) <= room) return { text, shortened: false };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(text.slice(0, mid).trimEnd() + ELLIPSIS) <= room) lo = mid;
    else hi = mid - 1;
  }
  // Cut at a word's end, so the label does not end in a stray letter; a word cut short tells
  // nothing, so with no whole word in the room there is no label.
  const space = text[lo] === ' ' ? lo : text.lastIndexOf(' ', lo);
  const cut = space >= 4 ? space : lo >= 12 ? lo : -1;
  if (cut < 0) return null;
  return { text: text.slice(0, cut).trimEnd() + ELLIPSIS, shortened: true };
}
