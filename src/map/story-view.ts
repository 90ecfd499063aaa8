/**
 * Where the story is: which part of the world the map opens on when the window's places lie far
 * apart (strikes across Ukraine, a summit in Alaska, talks in Washington), and which places are
 * left out of that view and shown as edge markers instead. Pure Mercator arithmetic.
 *
 * The rule, over weighted groups (places, or clusters of them for large data):
 * 1. Seed: the smallest box (by the zoom needed to show it at this size) around the centres of
 *    groups holding more than `share` (half) of the window's events.
 * 2. Grow: add the nearest group while it lies within `reach` (three) times the seed's size of
 *    the box so far (the seed counts as at least 10° across, a country), or while taking it in
 *    costs at most half a zoom level. Groups near the story join one by one, however widely
 *    they spread together; one beyond a wide gap does not.
 * 3. What must be seen (a story step's places, the selected event's) is added, and the box
 *    grows again from there by the same rule. The groups left out are the far ones.
 */
import { FIT_MAX_ZOOM, boundsContain, boundsOf, fitPadding, normalizeLongitude, type Bounds, type Box, type LonLat, type Padding } from './fit';

export interface StoryGroup {
  /** A position that stands for the group: its centre. */
  lon: number;
  lat: number;
  /** Its places' box. */
  bounds: Bounds;
  /** Events in it. */
  weight: number;
}

export interface StoryOptions {
  width: number;
  height: number;
  /** Share of the events the seed must hold more than. */
  share?: number;
  /** How many times the seed's size a group may lie from the box and still join. */
  reach?: number;
}

export interface StoryView {
  /** The box to fit, or null when there is nothing to show. */
  bounds: Bounds | null;
  /** Indices of the groups inside it, and of those left out. */
  core: number[];
  far: number[];
}

/** Web Mercator x in [0, 1) per turn and y (0 at the equator), in world widths. */
function mercX(lon: number): number {
  return lon / 360;
}

export function mercY(lat: number): number {
  const φ = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180;
  return Math.log(Math.tan(Math.PI / 4 + φ / 2)) / (2 * Math.PI);
}

/** The MapLibre zoom that fits a box into a map of this size with the padding, capped as fits are. */
export function fitZoom(b: Bounds, width: number, height: number, pad: Padding = fitPadding(width, height)): number {
  return zoomForSpan(mercX(b[2]) - mercX(b[0]), mercY(b[3]) - mercY(b[1]), width - pad.left - pad.right, height - pad.top - pad.bottom);
}

/** The zoom showing a span of dx by dy world widths in `innerWidth` by `innerHeight` px. */
function zoomForSpan(dx: number, dy: number, innerWidth: number, innerHeight: number): number {
  const zx = dx > 0 ? Math.log2(innerWidth / (dx * 512)) : Infinity;
  const zy = dy > 0 ? Math.log2(innerHeight / (dy * 512)) : Infinity;
  return Math.min(zx, zy, FIT_MAX_ZOOM);
}

/** The smallest box holding both, going round whichever way is shorter. */
export function unionBounds(a: Bounds, b: Bounds): Bounds {
  let west = -180;
  let east = 180;
  for (const shift of [-360, 0, 360]) {
    const w = Math.min(a[0], b[0] + shift);
    const e = Math.max(a[2], b[2] + shift);
    if (e - w < east - west) [west, east] = [w, e];
  }
  const turn = west >= -180 && west < 180 ? 0 : normalizeLongitude(west) - west;
  return [west + turn, Math.min(a[1], b[1]), east + turn, Math.max(a[3], b[3])];
}

export function pointBounds([lon, lat]: LonLat): Bounds {
  return [lon, lat, lon, lat];
}

/** Step 1: the groups inside the smallest box around centres holding more than `need` of the weight. */
function seed(groups: readonly StoryGroup[], need: number, width: number, height: number): number[] {
  const order = groups.map((_, i) => i).sort((a, b) => normalizeLongitude(groups[a]!.lon) - normalizeLongitude(groups[b]!.lon));
  const m = order.length;
  // The sweep below weighs up to m³ boxes (m ≤ 128 groups: two million): the Mercator y of each
  // group and the room inside the padding are worked out once, not for every box.
  const ys = groups.map((g) => mercY(g.lat));
  const pad = fitPadding(width, height);
  const innerWidth = width - pad.left - pad.right;
  const innerHeight = height - pad.top - pad.bottom;
  let best: { zoom: number; weight: number; members: number[] } | null = null;
  for (let i = 0; i < m; i++) {
    const west = normalizeLongitude(groups[order[i]!]!.lon);
    const inside: number[] = [];
    for (let j = 0; j < m; j++) {
      const g = order[(i + j) % m]!;
      const lon = normalizeLongitude(groups[g]!.lon) + (i + j >= m ? 360 : 0);
      if (lon - west >= 360) break;
      // No box from here east can be narrower than this one, so none can beat the best found.
      const dx = mercX(lon) - mercX(west);
      if (best && zoomForSpan(dx, 0, innerWidth, innerHeight) < best.zoom - 1e-9) break;
      // Keep `inside` sorted by latitude; the band of fewest degrees holding `need` wins.
      const lat = groups[g]!.lat;
      let at = inside.length;
      while (at > 0 && groups[inside[at - 1]!]!.lat > lat) at--;
      inside.splice(at, 0, g);
      let lo = 0;
      let sum = 0;
      for (let hi = 0; hi < inside.length; hi++) {
        sum += groups[inside[hi]!]!.weight;
        while (lo < hi && sum - groups[inside[lo]!]!.weight > need) sum -= groups[inside[lo++]!]!.weight;
        if (sum <= need) continue;
        const zoom = zoomForSpan(dx, ys[inside[hi]!]! - ys[inside[lo]!]!, innerWidth, innerHeight);
        if (!best || zoom > best.zoom + 1e-9 || (Math.abs(zoom - best.zoom) <= 1e-9 && sum > best.weight)) {
          best = { zoom, weight: sum, members: inside.slice(lo, hi + 1) };
        }
      }
    }
  }
  return best?.members ?? [];
}

/** The smallest box across, in world widths (Mercator): 10° of longitude. */
const MIN_SIZE = 10 / 360;
/** Taking in a group that costs at most this many zoom levels changes the view little: it joins. */
const FREE_STEP = 0.5;

/** A box's larger side in world widths, at least MIN_SIZE. */
function sizeOf(b: Bounds): number {
  return Math.max(mercX(b[2]) - mercX(b[0]), mercY(b[3]) - mercY(b[1]), MIN_SIZE);
}

/** How far `b` lies outside `a`, in world widths, taking `b` in the copy of the world nearest. */
function gapBetween(a: Bounds, b: Bounds): number {
  let best = Infinity;
  for (const shift of [-360, 0, 360]) {
    const dx = Math.max(0, b[0] + shift - a[2], a[0] - (b[2] + shift)) / 360;
    const dy = Math.max(0, mercY(b[1]) - mercY(a[3]), mercY(a[1]) - mercY(b[3]));
    best = Math.min(best, Math.hypot(dx, dy));
  }
  return best;
}

/** Step 2: adds the nearest group while it is within `reach` of the box, or costs next to nothing. */
function grow(groups: readonly StoryGroup[], box: Bounds, members: Set<number>, reach: number, width: number, height: number): Bounds {
  for (;;) {
    const zoom = fitZoom(box, width, height);
    let next = -1;
    let nearest = Infinity;
    groups.forEach((g, i) => {
      if (members.has(i)) return;
      const gap = gapBetween(box, g.bounds);
      const joins = gap <= reach || zoom - fitZoom(unionBounds(box, g.bounds), width, height) <= FREE_STEP;
      if (joins && gap < nearest) [next, nearest] = [i, gap];
    });
    if (next < 0) return box;
    members.add(next);
    box = unionBounds(box, groups[next]!.bounds);
  }
}

/**
 * The story's view for these groups at this size; `required` points (a story step's places, the
 * selected event's) are always inside it.
 */
export function storyView(groups: readonly StoryGroup[], required: readonly LonLat[], options: StoryOptions): StoryView {
  const { width, height, share = 0.5, reach = 3 } = options;
  if (groups.length === 0 && required.length === 0) return { bounds: null, core: [], far: [] };
  const total = groups.reduce((s, g) => s + g.weight, 0);
  const members = new Set(groups.length ? seed(groups, total * share, width, height) : []);
  let box: Bounds | null = null;
  for (const i of members) box = box ? unionBounds(box, groups[i]!.bounds) : groups[i]!.bounds;
  // Every group whose centre lies in the seed box belongs to it, whatever its weight.
  const seedBox = box;
  groups.forEach((g, i) => {
    if (box && seedBox && !members.has(i) && boundsContain(seedBox, [g.lon, g.lat])) {
      members.add(i);
      box = unionBounds(box, g.bounds);
    }
  });
  const distance = reach * (box ? sizeOf(box) : MIN_SIZE);
  if (box) box = grow(groups, box, members, distance, width, height);
  if (required.length) {
    for (const p of required) box = box ? unionBounds(box, pointBounds(p)) : pointBounds(p);
    box = grow(groups, box!, members, distance, width, height);
  }
  const core = [...members].sort((a, b) => a - b);
  const far = groups.map((_, i) => i).filter((i) => !members.has(i));
  // Boxes joined one by one may go round the long way; the smallest box round them all may not.
  const corners = core.flatMap((i) => {
    const [w, s, e, n] = groups[i]!.bounds;
    return [[w, s], [e, n]] as LonLat[];
  });
  return { bounds: boundsOf([...corners, ...required]) ?? box, core, far };
}

/**
 * The far groups as at most `limit` parts for edge markers: a group within 10° of a part (the
 * heaviest first) joins it; past `limit` parts, each further group joins the nearest part. So
 * places around one far city make one marker, and every far place has one.
 */
export function farParts(groups: readonly StoryGroup[], far: readonly number[], limit: number): number[][] {
  const order = [...far].sort((a, b) => groups[b]!.weight - groups[a]!.weight || a - b);
  const parts: { members: number[]; bounds: Bounds }[] = [];
  for (const i of order) {
    const g = groups[i]!;
    let best: (typeof parts)[number] | undefined;
    let nearest = Infinity;
    for (const part of parts) {
      const gap = gapBetween(part.bounds, g.bounds);
      if (gap < nearest) [best, nearest] = [part, gap];
    }
    if (best && (nearest <= MIN_SIZE || parts.length >= limit)) {
      best.members.push(i);
      best.bounds = unionBounds(best.bounds, g.bounds);
    } else parts.push({ members: [i], bounds: g.bounds });
  }
  return parts.map((p) => p.members);
}

export interface EdgeCandidate {
  /** Where the group is, in px from the map's top left (possibly far outside it). */
  x: number;
  y: number;
  /** The marker's size in px. */
  width: number;
  height: number;
}

export interface EdgePlacement {
  /** Index in the candidates. */
  index: number;
  /** Top left of the marker, inside the map. */
  left: number;
  top: number;
  /** Compass direction from the map's centre: 0 north, 1 north-east, … 7 north-west. */
  direction: number;
}

/**
 * Edge markers for groups outside the map: each on the map's inner edge (inset by `inset`,
 * `top` px more at the top for the controls there) where the line from the centre towards it
 * leaves the map, then pushed along that edge so none overlaps another, and off the marks in
 * `avoid` where the edge has room. Candidates inside the map get none.
 */
export function edgePlacements(candidates: readonly EdgeCandidate[], width: number, height: number, inset = 8, topInset = inset, avoid: readonly Box[] = []): EdgePlacement[] {
  const cx = width / 2;
  const cy = height / 2;
  const placed: (EdgePlacement & { w: number; h: number })[] = [];
  candidates.forEach((c, index) => {
    if (c.x >= 0 && c.x <= width && c.y >= 0 && c.y <= height) return;
    const dx = c.x - cx;
    const dy = c.y - cy;
    const angle = Math.atan2(dx, -dy);
    const direction = (Math.round(angle / (Math.PI / 4)) + 8) % 8;
    // The box the marker's centre may take, and where the ray from the centre leaves it.
    const x0 = inset + c.width / 2;
    const x1 = width - inset - c.width / 2;
    const y0 = topInset + c.height / 2;
    const y1 = height - inset - c.height / 2;
    const tx = dx > 0 ? (x1 - cx) / dx : dx < 0 ? (x0 - cx) / dx : Infinity;
    const ty = dy > 0 ? (y1 - cy) / dy : dy < 0 ? (y0 - cy) / dy : Infinity;
    const t = Math.max(0, Math.min(tx, ty));
    const mx = Math.min(x1, Math.max(x0, cx + dx * t));
    const my = Math.min(y1, Math.max(y0, cy + dy * t));
    placed.push({ index, left: mx - c.width / 2, top: my - c.height / 2, direction, w: c.width, h: c.height });
  });
  // Push overlapping markers apart along their edge, in order of position, staying inside.
  type Rect = { left: number; top: number; w: number; h: number };
  const overlaps = (a: Rect, b: Rect) => a.left < b.left + b.w && b.left < a.left + a.w && a.top < b.top + b.h && b.top < a.top + a.h;
  /** A marker on the left or right edge moves up and down; on the top or bottom, sideways. */
  const onSideEdge = (p: Rect) => p.left <= inset + 1 || p.left + p.w >= width - inset - 1;
  for (let i = 0; i < placed.length; i++) {
    const p = placed[i]!;
    for (let tries = 0; tries < placed.length * 2; tries++) {
      const hit = placed.slice(0, i).find((q) => overlaps(p, q));
      if (!hit) break;
      if (onSideEdge(p)) p.top = p.top >= hit.top ? hit.top + hit.h + 4 : hit.top - p.h - 4;
      else p.left = p.left >= hit.left ? hit.left + hit.w + 4 : hit.left - p.w - 4;
      p.left = Math.min(width - inset - p.w, Math.max(inset, p.left));
      p.top = Math.min(height - inset - p.h, Math.max(topInset, p.top));
    }
  }
  // A marker over a place's mark hides it and takes the tap meant for it: it slides along its
  // edge to the nearest spot clear of the marks and the other markers, if the edge has one.
  for (const p of placed) {
    const vertical = onSideEdge(p);
    // Only the marks in the strip the marker slides along can be in its way.
    const strip: Rect[] = avoid
      .filter((b) => (vertical ? b[0] < p.left + p.w && p.left < b[2] : b[1] < p.top + p.h && p.top < b[3]))
      .map(([left, top, right, bottom]) => ({ left, top, w: right - left, h: bottom - top }));
    const others = placed.filter((q) => q !== p);
    const clear = (left: number, top: number) => {
      const box = { left, top, w: p.w, h: p.h };
      return !strip.some((b) => overlaps(box, b)) && !others.some((q) => overlaps(box, q));
    };
    if (clear(p.left, p.top)) continue;
    const at = vertical ? p.top : p.left;
    const [lo, hi] = vertical ? [topInset, height - inset - p.h] : [inset, width - inset - p.w];
    const size = vertical ? p.h : p.w;
    // Just before or just after each thing in the way: 2 px from a mark, 4 px from a marker.
    const around = (r: Rect, gap: number) => (vertical ? [r.top - size - gap, r.top + r.h + gap] : [r.left - size - gap, r.left + r.w + gap]);
    const spots = [...strip.flatMap((b) => around(b, 2)), ...others.flatMap((q) => around(q, 4))].filter((s) => s >= lo && s <= hi && (vertical ? clear(p.left, s) : clear(s, p.top)));
    if (!spots.length) continue;
    const best = spots.reduce((a, b) => (Math.abs(b - at) < Math.abs(a - at) ? b : a));
    if (vertical) p.top = best;
    else p.left = best;
  }
  return placed.map(({ index, left, top, direction }) => ({ index, left, top, direction }));
}
