/**
 * The postMessage API between a host page and embed.html, and who may use it. Pure.
 *
 * page → embed (obeyed only from origins the embed URL lists in `origins`):
 *   {type: 'chronomap:select', id}            id: an event id, or null to clear
 *   {type: 'chronomap:set-window', from, to}  ISO dates or date-times, from before to
 *   {type: 'chronomap:go-to-step', step}      a story step, counted from 1
 * embed → page (ids, dates and numbers only; never text from the dataset):
 *   {type: 'chronomap:ready'}
 *   {type: 'chronomap:select', id}
 *   {type: 'chronomap:window-change', from, to}
 *   {type: 'chronomap:step-change', story, step}
 */
import { ID_PATTERN, LIMITS } from '../model/vocabulary';
import { parseInstant } from '../model/select';

export type Command =
  | { type: 'chronomap:select'; id: string | null }
  | { type: 'chronomap:set-window'; from: string; to: string }
  | { type: 'chronomap:go-to-step'; step: number };

export type Report =
  | { type: 'chronomap:ready' }
  | { type: 'chronomap:select'; id: string | null }
  | { type: 'chronomap:window-change'; from: string; to: string }
  | { type: 'chronomap:step-change'; story: string | null; step: number | null };

/** Longer than any date-time the dataset format allows (`+012000-08-18T13:15:00.000-04:00`). */
const MAX_WHEN = 40;
/** Far more steps than a story may have (LIMITS.steps); any integer up to it is clamped by the root. */
const MAX_STEP = 10_000;
/** A list of origins longer than this is a mistake, not a newsroom. */
const MAX_ORIGINS = 20;

const isRecord = (data: unknown): data is Record<string, unknown> => typeof data === 'object' && data !== null && !Array.isArray(data);

export const isId = (value: unknown): value is string => typeof value === 'string' && value.length <= LIMITS.id && ID_PATTERN.test(value);
export const isWhen = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_WHEN && Number.isFinite(parseInstant(value));

/** A command with every field checked, or null for anything else (which is then ignored). */
export function parseCommand(data: unknown): Command | null {
  if (!isRecord(data)) return null;
  switch (data.type) {
    case 'chronomap:select':
      return data.id === null || isId(data.id) ? { type: data.type, id: data.id } : null;
    case 'chronomap:set-window':
      return isWhen(data.from) && isWhen(data.to) && parseInstant(data.from) < parseInstant(data.to) ? { type: data.type, from: data.from, to: data.to } : null;
    case 'chronomap:go-to-step':
      return typeof data.step === 'number' && Number.isInteger(data.step) && data.step >= 1 && data.step <= MAX_STEP ? { type: data.type, step: data.step } : null;
    default:
      return null;
  }
}

/**
 * The `origins` parameter: comma-separated exact origins (`https://news.example`, no path, no
 * trailing slash). Anything else in the list is dropped, so a typo never widens it.
 */
export function parseOrigins(value: string | null): string[] {
  if (!value) return [];
  const origins: string[] = [];
  for (const raw of value.split(',').slice(0, MAX_ORIGINS)) {
    const text = raw.trim();
    try {
      const url = new URL(text);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text && !origins.includes(text)) origins.push(text);
    } catch {
      // not an origin: dropped
    }
  }
  return origins;
}

/** Commands count only from the parent window, and only from a listed origin. */
export function mayCommand(origins: readonly string[], origin: string, fromParent: boolean): boolean {
  return fromParent && origins.includes(origin);
}

/**
 * Where reports go: the first listed origin, else any parent, which is why reports carry only
 * ids, dates and numbers and never the dataset's text.
 */
export function reportTarget(origins: readonly string[]): string {
  return origins[0] ?? '*';
}
