/**
 * Where everything goes on the PNG of the current view, as pure math: a 16:9 picture readable
 * when pasted into a slide (1600 × 900 CSS px drawn at 2×, so 3200 × 1800 pixels, with large
 * type). Title and the window on top; the map, and beside it the selected event's headline,
 * date, place and summary; the timeline across; the attribution, the date it was made and the
 * link to the view at the foot. Text is measured by the caller (a canvas in the browser), so
 * wrapping is tested here without one.
 */

export const PNG_WIDTH = 1600;
export const PNG_HEIGHT = 900;
/** Device pixels per CSS px of the picture. */
export const PNG_SCALE = 2;

export const FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";

export type Measure = (text: string, font: string) => number;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Ink = 'ink' | 'muted' | 'accent';

/** Lines of text; `y` is the top of the first line (canvas `textBaseline = 'top'`). */
export interface TextBlock {
  lines: string[];
  x: number;
  y: number;
  lineHeight: number;
  font: string;
  ink: Ink;
  align: 'left' | 'right';
}

export interface PngContent {
  title: string;
  /** The window shown and how many events it holds. */
  subtitle: string;
  /** The selected event, or null: the map then takes the whole width. */
  selected: { headline: string; when: string; place: string; summary: string } | null;
  attribution: string | null;
  /** "Made 2 Dec 2025"; the basemap credit goes with it. */
  made: string;
  /** The address of this view, or null when it has none worth printing (a file on disk). */
  link: string | null;
  /** Width over height of the timeline's picture: a timeline with many rows gets more height. */
  timelineAspect: number | null;
}

export interface PngLayout {
  width: number;
  height: number;
  map: Box;
  timeline: Box;
  texts: TextBlock[];
}

const MARGIN = 48;
const GAP = 24;
/** The timeline's share of the height: at least, and at most (the map needs the rest). */
const TIMELINE_HEIGHT = { min: 150, max: 250 };

const font = (size: number, weight: 'normal' | 'bold' = 'normal') => `${weight === 'bold' ? 'bold ' : ''}${size}px ${FONT_STACK}`;

/**
 * Words laid into lines no wider than `width`; the last allowed line ends with an ellipsis when
 * words are left over. A word wider than a line is cut (a long link, a German compound).
 */
export function wrapText(text: string, width: number, fontSpec: string, measure: Measure, maxLines: number): string[] {
  const fits = (t: string) => measure(t, fontSpec) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) line = candidate;
    else {
      if (line) lines.push(line);
      line = fits(word) ? word : cut(word, fits);
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(0, maxLines));
  if (!kept.length) return kept;
  let last = kept[kept.length - 1]!;
  while (last.includes(' ') && !fits(`${last}…`)) last = last.slice(0, last.lastIndexOf(' '));
  kept[kept.length - 1] = fits(`${last}…`) ? `${last}…` : cut(last, fits);
  return kept;
}

/** As much of a word as fits, with an ellipsis. */
function cut(word: string, fits: (t: string) => boolean): string {
  let part = word;
  while (part.length > 1 && !fits(`${part}…`)) part = part.slice(0, -1);
  return `${part}…`;
}

/** The largest box of the source's shape that fits in `box`, centred in it. */
export function containBox(sourceWidth: number, sourceHeight: number, box: Box): Box {
  if (sourceWidth <= 0 || sourceHeight <= 0) return { ...box, width: 0, height: 0 };
  const k = Math.min(box.width / sourceWidth, box.height / sourceHeight);
  const width = sourceWidth * k;
  const height = sourceHeight * k;
  return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height };
}

export function pngLayout(content: PngContent, measure: Measure): PngLayout {
  const inner = PNG_WIDTH - 2 * MARGIN;
  const texts: TextBlock[] = [];
  const block = (text: string, y: number, size: number, lineHeight: number, maxLines: number, ink: Ink, options: { x?: number; width?: number; weight?: 'bold'; align?: 'left' | 'right' } = {}): number => {
    const f = font(size, options.weight);
    const lines = wrapText(text, options.width ?? inner, f, measure, maxLines);
    if (lines.length) texts.push({ lines, x: options.x ?? MARGIN, y, lineHeight, font: f, ink, align: options.align ?? 'left' });
    return y + lines.length * lineHeight;
  };

  let y = block(content.title, MARGIN, 46, 56, 2, 'ink', { weight: 'bold' });
  y = block(content.subtitle, y + 6, 26, 34, 1, 'muted') + GAP;

  const footLine = 30;
  const footTop = PNG_HEIGHT - MARGIN - 2 * footLine + 6;
  if (content.attribution) block(content.attribution, footTop, 22, footLine, 1, 'ink');
  const made = content.link ? `${content.made} · ${content.link}` : content.made;
  block(made, footTop + footLine, 20, footLine, 1, 'muted');

  const timelineHeight = Math.round(Math.min(TIMELINE_HEIGHT.max, Math.max(TIMELINE_HEIGHT.min, content.timelineAspect ? inner / content.timelineAspect : 0)));
  const timeline: Box = { x: MARGIN, y: footTop - GAP - timelineHeight, width: inner, height: timelineHeight };
  const mapHeight = timeline.y - GAP - y;
  if (!content.selected) return { width: PNG_WIDTH, height: PNG_HEIGHT, map: { x: MARGIN, y, width: inner, height: mapHeight }, timeline, texts };

  const mapWidth = Math.round((inner - 2 * GAP) * 0.6);
  const map: Box = { x: MARGIN, y, width: mapWidth, height: mapHeight };
  const column = { x: MARGIN + mapWidth + 2 * GAP, width: inner - mapWidth - 2 * GAP };
  const bottom = map.y + map.height;
  const s = content.selected;
  let cy = block(s.headline, y, 32, 40, 3, 'ink', { ...column, weight: 'bold' });
  cy = block(s.when, cy + 8, 22, 30, 2, 'accent', column);
  cy = block(s.place, cy, 22, 30, 1, 'muted', column);
  const summaryLines = Math.floor((bottom - cy - 12) / 30);
  if (s.summary) block(s.summary, cy + 12, 22, 30, summaryLines, 'ink', column);
  return { width: PNG_WIDTH, height: PNG_HEIGHT, map, timeline, texts };
}
