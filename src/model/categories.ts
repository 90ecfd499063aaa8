/**
 * What kinds of event a dataset has, which lane of the timeline each is drawn in, and how it
 * looks. A dataset may declare its own (`kinds`, `lanes`); without them the six story kinds and
 * the two lanes (diplomacy, attacks) apply, so v1 files mean what they always meant.
 *
 * Colours must keep AA contrast for graphics (WCAG 1.4.11: 3:1 against the paper) in both
 * themes: a dataset gives the light one and may give the dark one, else it is derived here.
 */
import type { DefaultKind, KindRecord, LaneRecord, Shape, Translation } from './schema';
import { EVENT_KINDS } from './vocabulary';

export interface Kind {
  id: string;
  /** In the dataset's first language; for the default kinds, null: the interface names them. */
  label: string | null;
  lane: string;
  color: string;
  colorDark: string;
  shape: Shape;
  /** Position in the dataset's list: the index of its colour token (`--cm-k0`…). */
  index: number;
  translations?: Record<string, Translation> | undefined;
}

export interface Lane {
  id: string;
  /** As for kinds: null for the two default lanes, which the interface names. */
  label: string | null;
  translations?: Record<string, Translation> | undefined;
}

/** Paper colours of the two themes; kind colours are checked against these. */
export const PAPER = { light: '#ffffff', dark: '#16161a' } as const;
/** WCAG 2 AA for graphical objects (1.4.11). */
export const MIN_CONTRAST = 3;

const DEFAULT_STYLE: Record<DefaultKind, { color: string; colorDark: string; shape: Shape; lane: 'diplomacy' | 'attacks' }> = {
  meeting: { color: '#1f5fa8', colorDark: '#7fb2f0', shape: 'circle', lane: 'diplomacy' },
  call: { color: '#00707a', colorDark: '#5fd0d8', shape: 'diamond', lane: 'diplomacy' },
  statement: { color: '#5b4a9e', colorDark: '#b7a6f2', shape: 'square', lane: 'diplomacy' },
  proposal: { color: '#8a5a00', colorDark: '#e3b25b', shape: 'wye', lane: 'diplomacy' },
  agreement: { color: '#2e6b2e', colorDark: '#8fd18f', shape: 'star', lane: 'diplomacy' },
  attack: { color: '#b3261e', colorDark: '#ff8a80', shape: 'triangle', lane: 'attacks' },
};

export const DEFAULT_KINDS: readonly Kind[] = EVENT_KINDS.map((id, index) => ({ id, label: null, index, ...DEFAULT_STYLE[id] }));
export const DEFAULT_LANES: readonly Lane[] = [
  { id: 'diplomacy', label: null },
  { id: 'attacks', label: null },
];

/** The kinds and lanes to draw with: the dataset's own, or the defaults. */
export function resolveCategories(kinds: readonly KindRecord[] | undefined, lanes: readonly LaneRecord[] | undefined): { kinds: Kind[]; lanes: Lane[] } {
  if (!kinds) return { kinds: [...DEFAULT_KINDS], lanes: lanes ? lanes.map(toLane) : [...DEFAULT_LANES] };
  const resolvedKinds = kinds.map((k, index): Kind => ({
    id: k.id,
    label: k.label,
    lane: k.lane,
    color: k.color.toLowerCase(),
    colorDark: (k.colorDark ?? darkVariant(k.color)).toLowerCase(),
    shape: k.shape,
    index,
    translations: k.translations,
  }));
  // Lanes named by kinds but not declared are made from their ids, in order of first use.
  const declared = lanes ? lanes.map(toLane) : [];
  for (const k of resolvedKinds) if (!declared.some((l) => l.id === k.lane)) declared.push({ id: k.lane, label: k.lane });
  return { kinds: resolvedKinds, lanes: declared };
}

function toLane(l: LaneRecord): Lane {
  return { id: l.id, label: l.label, translations: l.translations };
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of `#rrggbb`. */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function mix(hex: string, toward: number, t: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const part = (shift: number) => Math.round(((n >> shift) & 255) * (1 - t) + toward * t);
  return `#${[16, 8, 0].map((s) => part(s).toString(16).padStart(2, '0')).join('')}`;
}

/** The light-theme colour lightened just enough to keep its contrast against the dark paper. */
export function darkVariant(hex: string): string {
  for (let t = 0; t <= 1.0001; t += 0.05) {
    const c = mix(hex, 255, t);
    if (contrast(c, PAPER.dark) >= MIN_CONTRAST + 1.5) return c;
  }
  return '#ffffff';
}
