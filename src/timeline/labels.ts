/**
 * Which timeline marks get their headline written beside them, as pure math: a label goes to
 * the right of its mark, in the mark's row, wherever it fits before the next mark or label of
 * that row and the edge of the plot; a long headline is shortened with an ellipsis rather than
 * dropped when at least a few words fit. Marks are labelled in order of importance (the caller
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
    const start = c.x + markHalf + GAP;
    if (start >= width) continue;
    let end = width - GAP;
    let blocked = false;
    for (const [a, b] of spans) {
      if (b <= start) continue;
      if (a <= start) {
        blocked = true;
        break;
      }
      end = Math.min(end, a - GAP);
    }
    if (blocked || end - start < Math.min(minWidth, measure(c.text))) continue;
    const fitted = fit(c.text, end - start, measure);
    if (!fitted) continue;
    spans.push([start, start + measure(fitted.text)]);
    placed.push({ id: c.id, lane: c.lane, row: c.row, x: start, text: fitted.text, shortened: fitted.shortened });
  }
  return placed;
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
  // Cut at a word's end where one is near, so the label does not end in a stray letter.
  const space = text.lastIndexOf(' ', lo);
  const cut = space >= 6 && text[lo] !== ' ' ? space : lo;
  // A label of a few letters tells nothing; better none.
  if (cut < 6) return null;
  return { text: text.slice(0, cut).trimEnd() + ELLIPSIS, shortened: true };
}
