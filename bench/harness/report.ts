/**
 * Turns the runs into one table (rows per metric and size; Chronomap, the baseline it is
 * compared with, their ratio, the target and PASS/MISS) and into docs/performance.md.
 */
import { summarize, type Summary } from './stats';

export type Unit = 'ms' | 'MB' | 'kB' | 'count' | 'flag' | '%';

export interface Cell {
  /** Median, min, max over runs, or a single value (n = 1). */
  value: Summary | null;
  /** Free text instead of a number (e.g. `raw 1.2 MB / gzip 300 kB`). */
  text?: string;
  /** A footnote sign after the value. */
  mark?: string;
}

export interface Target {
  /** Shown in the table, e.g. `≤ 1.3×`, `< 33 ms`. */
  label: string;
  /** PASS when true; null when the data to decide is missing. */
  pass: boolean | null;
  /** For a miss, the words for how far off it is. */
  gap?: string;
}

export interface Row {
  section: string;
  metric: string;
  size: string;
  unit: Unit;
  chronomap: Cell;
  /** Which baseline: `TimelineJS`, `bare MapLibre`, or '' when there is none. */
  against: string;
  baseline: Cell;
  ratio: number | null;
  target: Target | null;
}

export const cell = (values: readonly (number | null | undefined)[]): Cell => ({ value: summarize(values) });
export const one = (value: number | null | undefined): Cell => ({ value: value === null || value === undefined ? null : { median: value, min: value, max: value, n: 1 } });
export const text = (t: string): Cell => ({ value: null, text: t });
export const none: Cell = { value: null, text: '—' };

const fmt = (x: number, unit: Unit): string => {
  switch (unit) {
    case 'ms':
      return x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1);
    case 'MB':
      return (x / 1e6).toFixed(1);
    case 'kB':
      return (x / 1e3).toFixed(1);
    case 'count':
      return Math.round(x).toLocaleString('en-US');
    case 'flag':
      return x ? 'yes' : 'no';
    case '%':
      return x.toFixed(0);
  }
};
const suffix = (unit: Unit): string => (unit === 'count' || unit === 'flag' ? '' : unit === '%' ? '%' : ` ${unit}`);

export function formatCell(c: Cell, unit: Unit, runs: number): string {
  if (c.text !== undefined) return c.text;
  if (!c.value) return 'n/a';
  const { median, min, max, n } = c.value;
  const main = `${fmt(median, unit)}${suffix(unit)}${c.mark ?? ''}`;
  if (n === 1) return main;
  const range = ` (${fmt(min, unit)}–${fmt(max, unit)})`;
  return `${main}${range}${n < runs ? ` n=${n}` : ''}`;
}

export function formatRatio(r: number | null): string {
  if (r === null || !Number.isFinite(r)) return '';
  return r >= 10 ? `${r.toFixed(0)}×` : `${r.toFixed(2)}×`;
}

/** Ratio target: PASS when chronomap/baseline ≤ limit (or < limit when strict). */
export function ratioTarget(ratio: number | null, limit: number, label: string, strict = false): Target {
  if (ratio === null || !Number.isFinite(ratio)) return { label, pass: null };
  const pass = strict ? ratio < limit : ratio <= limit;
  return { label, pass, gap: pass ? undefined : `${formatRatio(ratio)} against a limit of ${formatRatio(limit)}: ${Math.round((ratio / limit - 1) * 100)}% over` };
}

/** Absolute target: PASS when value < limit (or ≤). */
export function valueTarget(value: number | null | undefined, limit: number, unit: Unit, label: string, strict = true): Target {
  if (value === null || value === undefined || !Number.isFinite(value)) return { label, pass: null };
  const pass = strict ? value < limit : value <= limit;
  return { label, pass, gap: pass ? undefined : `${fmt(value, unit)}${suffix(unit)} against a limit of ${fmt(limit, unit)}${suffix(unit)}: ${Math.round((value / limit - 1) * 100)}% over` };
}

export function ratioOf(a: Cell, b: Cell): number | null {
  return a.value && b.value && b.value.median > 0 ? a.value.median / b.value.median : null;
}

export function renderTable(rows: readonly Row[], runs: number, legend: readonly string[] = []): string {
  const header = ['Metric', 'Events', 'Chronomap', 'Against', 'Baseline', 'Ratio', 'Target', 'Result'];
  const body = rows.map((r) => [
    r.metric,
    r.size,
    formatCell(r.chronomap, r.unit, runs),
    r.against,
    formatCell(r.baseline, r.unit, runs),
    formatRatio(r.ratio),
    r.target?.label ?? '',
    r.target ? (r.target.pass === null ? 'n/a' : r.target.pass ? 'PASS' : 'MISS') : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 || i === 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  ')];
  let section = '';
  for (let i = 0; i < rows.length; i++) {
    if (rows[i]!.section !== section) {
      section = rows[i]!.section;
      if (i > 0) out.push('');
      out.push(`[${section}]`);
    }
    out.push(line(body[i]!));
  }
  if (legend.length) out.push('', ...legend);
  return out.join('\n');
}

export function targetSummary(rows: readonly Row[]): { pass: number; miss: number; unknown: number } {
  const t = rows.filter((r) => r.target);
  return { pass: t.filter((r) => r.target!.pass === true).length, miss: t.filter((r) => r.target!.pass === false).length, unknown: t.filter((r) => r.target!.pass === null).length };
}
