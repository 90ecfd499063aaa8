/**
 * The one validator, used by the app at load time and by `npm run validate`. It never throws:
 * whatever the input, it returns either the typed dataset or every problem found, each with
 * its JSON path, what was expected and what was found, in words a journalist can act on.
 */
import * as v from 'valibot';
import { buildDataset, type Dataset, type RecordsById } from './dataset';
import { locateJsonError } from './json-syntax';
import { MIN_CONTRAST, PAPER, contrast, darkVariant } from './categories';
import { DatasetSchema, EVENT_KINDS, WHEN_PATTERN, isTimeZone, type DatasetRecord } from './schema';
import { compileGuard } from './schema-guard';
import { MAX_YEAR, MIN_YEAR, endInstantOf, grainOf, instantOf, whenParts, type Grain } from './time';

import type { Problem } from './problem';

export { formatProblem, type Problem } from './problem';

/**
 * Errors block loading; warnings never do, but are listed apart from them (CLI, page, editor):
 * a source without a link, an event without a source, kinds that share a shape.
 */
export type Validation =
  | { ok: true; dataset: Dataset; warnings: Problem[]; omittedWarnings: number }
  | { ok: false; problems: Problem[]; omitted: number; warnings: Problem[]; omittedWarnings: number };

/** Problems listed in full; a file with more gets a count of the rest. */
export const MAX_PROBLEMS = 200;

export function validateJson(text: string): Validation {
  if (typeof text !== 'string' || text.trim() === '') {
    return fail([{ path: '', expected: 'expected a JSON dataset', found: 'an empty file' }], new Problems());
  }
  // A byte-order mark is what some editors on Windows write first; it is not part of the JSON.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const { line, column, message } = locateJsonError(text);
    return fail([{ path: `line ${line}, column ${column}`, expected: `not valid JSON: ${message}`, found: '' }], new Problems());
  }
  return validateValue(data);
}

const isDataset = compileGuard(DatasetSchema);

/**
 * Validates a value already parsed from JSON. The value is taken over: when it is valid, its
 * event objects become the dataset's events (extended with times and indexes), so pass a fresh
 * value, as `validateJson` does.
 */
export function validateValue(input: unknown): Validation {
  const warnings = new Problems();
  try {
    if (isDataset(input)) {
      const { problems, byId } = crossCheck(input, warnings);
      // The guard passed the input as it is, so its records, mapped by id already, are the dataset's.
      return problems.length ? fail(problems, warnings) : succeed(buildDataset(input as DatasetRecord, byId as RecordsById), warnings);
    }
    const result = v.safeParse(DatasetSchema, input, { abortEarly: false });
    const problems = result.success ? [] : onePerPath(result.issues.map(toProblem));
    problems.push(...crossCheck(input, warnings).problems);
    if (problems.length > 0 || !result.success) return fail(problems, warnings);
    return succeed(buildDataset(result.output), warnings);
  } catch (error) {
    return fail([{ path: '', expected: 'expected a dataset the validator can read', found: `an input that stopped it (${String(error).slice(0, 120)})` }], warnings);
  }
}

/** Warnings can repeat on every row of a big import: only the first MAX_PROBLEMS are kept, all are counted. */
class Problems {
  readonly items: Problem[] = [];
  count = 0;
  push(p: Problem): void {
    if (this.count++ < MAX_PROBLEMS) this.items.push(p);
  }
}

function succeed(dataset: Dataset, warnings: Problems): Validation {
  return { ok: true, dataset, warnings: warnings.items, omittedWarnings: warnings.count - warnings.items.length };
}

function fail(problems: Problem[], warnings: Problems): Validation {
  return {
    ok: false,
    problems: problems.slice(0, MAX_PROBLEMS),
    omitted: Math.max(0, problems.length - MAX_PROBLEMS),
    warnings: warnings.items,
    omittedWarnings: warnings.count - warnings.items.length,
  };
}

type PathKey = string | number;

export function pathToString(keys: readonly PathKey[]): string {
  let out = '';
  for (const k of keys) {
    if (typeof k === 'number') out += `[${k}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(k)) out += out ? `.${k}` : k;
    else out += `[${JSON.stringify(k)}]`;
  }
  return out;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return value.length > 60 ? `${JSON.stringify(value.slice(0, 57))}…` : JSON.stringify(value);
  return String(value);
}

/** One problem per field: the first is the one to fix, the others usually follow from it. */
function onePerPath(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.path) && (seen.add(p.path), true));
}

function toProblem(issue: v.BaseIssue<unknown>): Problem {
  const items = issue.path ?? [];
  const keys = items.map((p) => p.key as PathKey);
  const path = pathToString(keys);
  const parent = items.at(-1)?.input;
  if (issue.type === 'strict_object' && Array.isArray(parent)) {
    // valibot reads a list as an object with missing fields; say plainly that a list is the wrong thing.
    return { path: pathToString(keys.slice(0, -1)), expected: issue.message, found: describeValue(parent) };
  }
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    const parentKeys = knownFields(keys.slice(0, -1));
    const name = String(keys[keys.length - 1]);
    const guess = closest(name, parentKeys);
    return { path, expected: `is not a field here${guess ? ` (did you mean "${guess}"?)` : ''}; expected one of ${parentKeys.join(', ')}`, found: '' };
  }
  if (issue.type === 'strict_object' && issue.received === 'undefined') {
    return { path, expected: 'this required field is missing', found: '' };
  }
  return { path, expected: issue.message, found: describeValue(issue.input) };
}

/** Field names of the object schema at a JSON path, for "did you mean" hints. */
function knownFields(keys: readonly PathKey[]): string[] {
  let schema: unknown = DatasetSchema;
  for (const key of keys) {
    schema = unwrap(schema);
    const s = schema as { type?: string; entries?: Record<string, unknown>; item?: unknown; value?: unknown };
    if (s.type === 'array') schema = s.item;
    else if (s.type === 'record') schema = s.value;
    else if (s.entries) schema = s.entries[String(key)];
    else return [];
  }
  const entries = (unwrap(schema) as { entries?: Record<string, unknown> }).entries;
  return entries ? Object.keys(entries).filter((k) => k !== '$schema') : [];
}

function unwrap(schema: unknown): unknown {
  let s = schema as { type?: string; wrapped?: unknown };
  while (s && (s.type === 'optional' || s.type === 'nullable') && s.wrapped) s = s.wrapped as typeof s;
  return s;
}

function closest(name: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const option of options) {
    const d = editDistance(name.toLowerCase(), option.toLowerCase());
    if (d < bestDistance) {
      best = option;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const asList = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);


const quote = (x: unknown) => JSON.stringify(x);
const eventPath = (i: number) => `events[${i}]`;

/**
 * Rules across fields, checked on the raw input so they are reported together with the shape
 * problems: unique ids, references that resolve, kinds and lanes, time order and precision,
 * place/geoPrecision agreement, contrast of kind colours; and the warnings.
 */
function crossCheck(input: unknown, warnings: Problems): { problems: Problem[]; byId: { events: Map<string, unknown>; places: Map<string, unknown> } } {
  const problems: Problem[] = [];
  if (!isRecord(input)) return { problems, byId: { events: new Map(), places: new Map() } };
  // Maps each id to its record (the dataset's lookup, when the input turns out valid); the
  // position of a record an id repeats is looked up only once some id repeats.
  const unique = (items: unknown[], at: string, what: string): Map<string, unknown> => {
    const ids = new Map<string, unknown>();
    let positions: Map<unknown, number> | undefined;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (!isRecord(item) || typeof item.id !== 'string') continue;
      const first = ids.get(item.id);
      if (first === undefined) {
        ids.set(item.id, item);
        continue;
      }
      if (!positions) {
        positions = new Map();
        for (let k = 0; k < items.length; k++) if (!positions.has(items[k])) positions.set(items[k], k);
      }
      problems.push({ path: `${at}[${i}].id`, expected: `expected an id no other ${what} uses (${at}[${positions.get(first)}] has it)`, found: quote(item.id) });
    }
    return ids;
  };
  const placeIds = unique(asList(input.places), 'places', 'place');
  const events = asList(input.events);
  const eventIds = unique(events, 'events', 'event');
  const kindIds = input.kinds === undefined ? new Map(EVENT_KINDS.map((k, i) => [k as string, i])) : unique(asList(input.kinds), 'kinds', 'kind');
  checkCategories(input, problems, warnings);

  const resolves = (ref: unknown, at: string, ids: Map<string, unknown>, what: string) => {
    if (typeof ref === 'string' && !ids.has(ref)) problems.push({ path: at, expected: `expected the id of ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} in this file`, found: `${quote(ref)}, which no ${what} has` });
  };
  const kindExpected = input.kinds === undefined ? `expected one of ${EVENT_KINDS.map((k) => `"${k}"`).join(', ')} (or declare your own "kinds")` : 'expected the id of one of the dataset\'s "kinds"';

  // 100,000 events pass here: a path is written only for a problem found.
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (!isRecord(e)) continue;
    if (typeof e.place === 'string' && !placeIds.has(e.place)) resolves(e.place, `${eventPath(i)}.place`, placeIds, 'place');
    if (typeof e.kind === 'string' && !kindIds.has(e.kind)) problems.push({ path: `${eventPath(i)}.kind`, expected: kindExpected, found: quote(e.kind) });
    if (Array.isArray(e.sites)) e.sites.forEach((s, k) => isRecord(s) && resolves(s.place, `${eventPath(i)}.sites[${k}].place`, placeIds, 'place'));
    if (Array.isArray(e.related)) {
      e.related.forEach((r, k) => {
        resolves(r, `${eventPath(i)}.related[${k}]`, eventIds, 'event');
        if (r === e.id) problems.push({ path: `${eventPath(i)}.related[${k}]`, expected: 'expected another event, not the event itself', found: quote(r) });
      });
    }
    if (typeof e.geoPrecision === 'string') {
      if (e.place === undefined && e.geoPrecision !== 'none') problems.push({ path: `${eventPath(i)}.geoPrecision`, expected: 'expected "none" for an event without a place', found: quote(e.geoPrecision) });
      if (e.place !== undefined && e.geoPrecision === 'none') problems.push({ path: `${eventPath(i)}.geoPrecision`, expected: 'expected "venue", "city" or "region" for an event with a place', found: '"none"' });
    }
    timeOrder(e, i, problems);
    const sources = Array.isArray(e.sources) ? e.sources : [];
    if (sources.length === 0) warnings.push({ path: `${eventPath(i)}.sources`, expected: 'expected at least one source, so readers can check the event', found: 'none' });
    for (let k = 0; k < sources.length; k++) {
      const s = sources[k];
      if (!isRecord(s)) continue;
      if (s.url === undefined) warnings.push({ path: `${eventPath(i)}.sources[${k}].url`, expected: 'expected a link to the source, so readers can check it', found: 'none' });
      if (s.date === undefined) warnings.push({ path: `${eventPath(i)}.sources[${k}].date`, expected: 'expected the date the source was published', found: 'none' });
    }
    if (e.status === 'unverified' && e.statusNote === undefined) warnings.push({ path: `${eventPath(i)}.statusNote`, expected: 'expected a note saying why the event is unverified', found: 'none' });
  }

  const view = input.view;
  if (isRecord(view)) windowOrder(view, 'view', problems);
  asList(input.eras).forEach((era, i) => isRecord(era) && spanOrder(era.start, era.end, `eras[${i}]`, 'start', 'end', problems));
  unique(asList(input.stories), 'stories', 'story');
  asList(input.stories).forEach((story, i) => {
    if (!isRecord(story)) return;
    asList(story.steps).forEach((step, k) => {
      if (!isRecord(step)) return;
      const at = `stories[${i}].steps[${k}]`;
      resolves(step.event, `${at}.event`, eventIds, 'event');
      asList(step.places).forEach((p, j) => resolves(p, `${at}.places[${j}]`, placeIds, 'place'));
      asList(step.kinds).forEach((kind, j) => typeof kind === 'string' && !kindIds.has(kind) && problems.push({ path: `${at}.kinds[${j}]`, expected: kindExpected, found: quote(kind) }));
      if (isRecord(step.view)) windowOrder(step.view, `${at}.view`, problems);
    });
  });
  return { problems, byId: { events: eventIds, places: placeIds } };
}

/** Kinds name a lane that exists, keep AA contrast in both themes, and differ in shape. */
function checkCategories(input: Record<string, unknown>, problems: Problem[], warnings: Problems): void {
  const kinds = asList(input.kinds);
  const lanes = asList(input.lanes);
  const laneIds = new Map<string, number>();
  lanes.forEach((l, i) => {
    if (!isRecord(l) || typeof l.id !== 'string') return;
    const first = laneIds.get(l.id);
    if (first !== undefined) problems.push({ path: `lanes[${i}].id`, expected: `expected an id no other lane uses (lanes[${first}] has it)`, found: quote(l.id) });
    else laneIds.set(l.id, i);
  });
  if (input.lanes !== undefined && input.kinds === undefined) {
    problems.push({ path: 'lanes', expected: 'expected "kinds" too: lanes hold the dataset\'s own kinds (without "kinds", the two story lanes apply)', found: '' });
  }
  const shapes = new Map<string, number>();
  kinds.forEach((k, i) => {
    if (!isRecord(k)) return;
    const at = `kinds[${i}]`;
    if (lanes.length && typeof k.lane === 'string' && !laneIds.has(k.lane)) {
      problems.push({ path: `${at}.lane`, expected: 'expected the id of one of the dataset\'s "lanes"', found: `${quote(k.lane)}, which no lane has` });
    }
    if (typeof k.color === 'string' && /^#[0-9a-f]{6}$/i.test(k.color)) {
      const light = contrast(k.color, PAPER.light);
      if (light < MIN_CONTRAST) problems.push({ path: `${at}.color`, expected: `expected a colour with a contrast of at least ${MIN_CONTRAST}:1 against the white paper (AA for graphics), such as ${suggestDarker(k.color)}`, found: `${quote(k.color)} (${light.toFixed(2)}:1)` });
      const dark = typeof k.colorDark === 'string' && /^#[0-9a-f]{6}$/i.test(k.colorDark) ? k.colorDark : null;
      if (dark && contrast(dark, PAPER.dark) < MIN_CONTRAST) {
        problems.push({ path: `${at}.colorDark`, expected: `expected a colour with a contrast of at least ${MIN_CONTRAST}:1 against the dark paper, such as ${darkVariant(k.color)}`, found: `${quote(dark)} (${contrast(dark, PAPER.dark).toFixed(2)}:1)` });
      }
    }
    if (typeof k.shape === 'string') {
      const first = shapes.get(k.shape);
      if (first !== undefined) warnings.push({ path: `${at}.shape`, expected: `expected a shape no other kind has, so kinds differ without colour (kinds[${first}] is a ${k.shape} too)`, found: quote(k.shape) });
      else shapes.set(k.shape, i);
    }
  });
}

/** The colour darkened until it reaches the contrast it needs against white. */
function suggestDarker(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  for (let t = 0.05; t <= 1; t += 0.05) {
    const c = `#${[16, 8, 0].map((sh) => Math.round(((n >> sh) & 255) * (1 - t)).toString(16).padStart(2, '0')).join('')}`;
    if (contrast(c, PAPER.light) >= MIN_CONTRAST + 0.2) return c;
  }
  return '#000000';
}

const FINER: Partial<Record<string, Grain[]>> = {
  day: ['year', 'month'],
  week: ['year', 'month'],
  month: ['year'],
};

/** Why a `start`/`end` string names no instant: a day not in the calendar, or a year out of range. */
function whyNoInstant(value: string): string {
  const p = whenParts(value);
  if (p && (p.year < MIN_YEAR || p.year > MAX_YEAR)) return `expected a year from ${MIN_YEAR} to ${MAX_YEAR}, the years a browser can draw`;
  return 'expected a day that exists in the calendar';
}

function timeOrder(e: Record<string, unknown>, i: number, problems: Problem[]): void {
  const { start, end } = e;
  const zone = e.timezone === undefined ? 'UTC' : e.timezone;
  if (typeof start !== 'string' || !WHEN_PATTERN.test(start) || typeof zone !== 'string' || !isTimeZone(zone)) return;
  const startMs = instantOf(start, zone);
  if (Number.isNaN(startMs)) {
    problems.push({ path: `${eventPath(i)}.start`, expected: whyNoInstant(start), found: quote(start) });
    return;
  }
  const precision = e.precision;
  if (typeof precision === 'string' && FINER[precision]?.includes(grainOf(start))) {
    problems.push({ path: `${eventPath(i)}.precision`, expected: `expected a precision no finer than the start (${quote(start)} gives only the ${grainOf(start)}), such as "${grainOf(start)}"`, found: quote(precision) });
  }
  if (typeof end !== 'string' || !WHEN_PATTERN.test(end)) return;
  // The end's first instant: an end day before the start day is wrong even though it ends at the start.
  const endMs = instantOf(end, zone);
  if (Number.isNaN(endMs)) problems.push({ path: `${eventPath(i)}.end`, expected: whyNoInstant(end), found: quote(end) });
  else if (endMs < startMs) problems.push({ path: `${eventPath(i)}.end`, expected: `expected an end not before the start (${start})`, found: quote(end) });
}

function spanOrder(start: unknown, end: unknown, at: string, startKey: string, endKey: string, problems: Problem[]): void {
  if (typeof start !== 'string' || typeof end !== 'string' || !WHEN_PATTERN.test(start) || !WHEN_PATTERN.test(end)) return;
  const startMs = instantOf(start, 'UTC');
  const endMs = startKey === 'start' ? endInstantOf(end, 'UTC') : instantOf(end, 'UTC');
  if (Number.isNaN(startMs)) problems.push({ path: `${at}.${startKey}`, expected: whyNoInstant(start), found: quote(start) });
  else if (Number.isNaN(endMs)) problems.push({ path: `${at}.${endKey}`, expected: whyNoInstant(end), found: quote(end) });
  else if (endMs <= startMs) problems.push({ path: `${at}.${endKey}`, expected: `expected ${/^[aeiou]/.test(endKey) ? 'an' : 'a'} ${endKey} after the ${startKey} (${start})`, found: quote(end) });
}

function windowOrder(w: Record<string, unknown>, at: string, problems: Problem[]): void {
  spanOrder(w.from, w.to, at, 'from', 'to', problems);
}
