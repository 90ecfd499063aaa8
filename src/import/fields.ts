/** Small readers shared by the importers: loose values to text, and text cut to the schema's limits. */
import { locateJsonError } from '../model/json-syntax';
import type { Notes } from './types';

/** A string (trimmed) or a number as text; anything else, or only spaces, is absent. */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return t === '' ? undefined : t;
}

export const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** `text` cut to `max` characters at a word, with "…", and a warning saying so. */
export function fitText(text: string, max: number, where: string, what: string, notes: Notes): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const atWord = cut.replace(/\s+\S*$/, '');
  notes.warn(where, `the ${what} has ${text.length} characters, more than the ${max} allowed; it was cut to ${max}`);
  return `${atWord.length > max / 2 ? atWord : cut}…`;
}

/** "a, b; c" → ["a", "b", "c"] for `;`-separated lists (commas are left alone: names have them). */
export function splitList(text: string): string[] {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** JSON text parsed, or a note on where it breaks. */
export function parseJsonText(text: string, notes: Notes): unknown {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    notes.error('file', 'the file is empty');
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    const { line, column, message } = locateJsonError(text);
    notes.error(`line ${line}, column ${column}`, `not valid JSON: ${message}`);
    return undefined;
  }
}
