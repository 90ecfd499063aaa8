/**
 * The one validator, used by the app at load time and by `npm run validate`. It never throws:
 * whatever the input, it returns either the typed dataset or every problem found, each with
 * its JSON path, what was expected and what was found, in words a journalist can act on.
 */
import * as v from 'valibot';
import { buildDataset, type Dataset } from './dataset';
import { locateJsonError } from './json-syntax';
import { DatasetSchema, type DatasetRecord } from './schema';
import { compileGuard } from './schema-guard';
import { instantOf } from './time';

export interface Problem {
  /** JSON path such as `events[12].start`; empty for the file as a whole. */
  path: string;
  expected: string;
  /** What stands there now, described or quoted; empty when it does not apply. */
  found: string;
}

export type Validation = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[]; omitted: number };

/** Problems listed in full; a file with more gets a count of the rest. */
export const MAX_PROBLEMS = 200;

export function formatProblem({ path, expected, found }: Problem): string {
  return `${path || 'file'}: ${expected}${found ? `, found ${found}` : ''}`;
}

export function validateJson(text: string): Validation {
  if (typeof text !== 'string' || text.trim() === '') {
    return fail([{ path: '', expected: 'expected a JSON dataset', found: 'an empty file' }]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const { line, column, message } = locateJsonError(text);
    return fail([{ path: `line ${line}, column ${column}`, expected: `not valid JSON: ${message}`, found: '' }]);
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
  try {
    if (isDataset(input)) {
      const problems = crossCheck(input);
      return problems.length ? fail(problems) : { ok: true, dataset: buildDataset(input as DatasetRecord) };
    }
    const result = v.safeParse(DatasetSchema, input, { abortEarly: false });
    const problems = result.success ? [] : onePerPath(result.issues.map(toProblem));
    problems.push(...crossCheck(input));
    if (problems.length > 0 || !result.success) return fail(problems);
    return { ok: true, dataset: buildDataset(result.output) };
  } catch (error) {
    return fail([{ path: '', expected: 'expected a dataset the validator can read', found: `an input that stopped it (${String(error).slice(0, 120)})` }]);
  }
}

function fail(problems: Problem[]): Validation {
  return { ok: false, problems: problems.slice(0, MAX_PROBLEMS), omitted: Math.max(0, problems.length - MAX_PROBLEMS) };
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

/**
 * Rules across fields, checked on the raw input so they are reported together with the shape
 * problems: unique ids, references that resolve, time order, place/geoPrecision agreement.
 */
function crossCheck(input: unknown): Problem[] {
  if (!isRecord(input)) return [];
  const problems: Problem[] = [];
  const placeIds = new Map<string, number>();
  asList(input.places).forEach((p, i) => {
    if (!isRecord(p) || typeof p.id !== 'string') return;
    const first = placeIds.get(p.id);
    if (first !== undefined) problems.push({ path: `places[${i}].id`, expected: `expected an id no other place uses (places[${first}] has it)`, found: JSON.stringify(p.id) });
    else placeIds.set(p.id, i);
  });

  const events = asList(input.events);
  const eventIds = new Map<string, number>();
  events.forEach((e, i) => {
    if (!isRecord(e) || typeof e.id !== 'string') return;
    const first = eventIds.get(e.id);
    if (first !== undefined) problems.push({ path: `events[${i}].id`, expected: `expected an id no other event uses (events[${first}] has it)`, found: JSON.stringify(e.id) });
    else eventIds.set(e.id, i);
  });

  const resolves = (ref: unknown, at: string, ids: Map<string, number>, what: 'place' | 'event') => {
    if (typeof ref === 'string' && !ids.has(ref)) problems.push({ path: at, expected: `expected the id of ${what === 'event' ? 'an' : 'a'} ${what} in this file`, found: `${JSON.stringify(ref)}, which no ${what} has` });
  };

  events.forEach((e, i) => {
    if (!isRecord(e)) return;
    const at = `events[${i}]`;
    resolves(e.place, `${at}.place`, placeIds, 'place');
    asList(e.sites).forEach((s, k) => isRecord(s) && resolves(s.place, `${at}.sites[${k}].place`, placeIds, 'place'));
    asList(e.related).forEach((r, k) => {
      resolves(r, `${at}.related[${k}]`, eventIds, 'event');
      if (r === e.id) problems.push({ path: `${at}.related[${k}]`, expected: 'expected another event, not the event itself', found: JSON.stringify(r) });
    });
    if (typeof e.geoPrecision === 'string') {
      if (e.place === undefined && e.geoPrecision !== 'none') problems.push({ path: `${at}.geoPrecision`, expected: 'expected "none" for an event without a place', found: JSON.stringify(e.geoPrecision) });
      if (e.place !== undefined && e.geoPrecision === 'none') problems.push({ path: `${at}.geoPrecision`, expected: 'expected "venue", "city" or "region" for an event with a place', found: '"none"' });
    }
    timeOrder(e, at, problems);
  });
  return problems;
}

function timeOrder(e: Record<string, unknown>, at: string, problems: Problem[]): void {
  const { start, end, timezone } = e;
  if (typeof start !== 'string' || typeof timezone !== 'string') return;
  const valid = (s: unknown): s is string => typeof s === 'string' && v.is(DatasetSchema.entries.events.item.entries.start, s);
  if (!valid(start) || !v.is(DatasetSchema.entries.events.item.entries.timezone, timezone)) return;
  const startMs = instantOf(start, timezone);
  if (Number.isNaN(startMs)) {
    problems.push({ path: `${at}.start`, expected: 'expected a day that exists in the calendar', found: JSON.stringify(start) });
    return;
  }
  if (!valid(end)) return;
  const endMs = instantOf(end, timezone);
  if (Number.isNaN(endMs)) problems.push({ path: `${at}.end`, expected: 'expected a day that exists in the calendar', found: JSON.stringify(end) });
  else if (endMs < startMs) problems.push({ path: `${at}.end`, expected: `expected an end not before the start (${start})`, found: JSON.stringify(end) });
}
