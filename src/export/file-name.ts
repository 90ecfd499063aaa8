/**
 * Names of downloaded files: the dataset's title as a slug, what the file holds, and the day it
 * was made, so a folder of exports sorts by dataset and date
 * (`talks-and-strikes-the-august-2025-ukraine-diplomacy-events-2025-12-02.csv`).
 */

const MAX_SLUG = 60;

/** Letters and digits of any script, lower case, joined by single dashes; `chronomap` when none are left. */
export function slug(text: string): string {
  const words = text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let out = '';
  for (const word of words) {
    const next = out ? `${out}-${word}` : word;
    if (next.length > MAX_SLUG) break;
    out = next;
  }
  return out || (words[0] ?? 'chronomap').slice(0, MAX_SLUG);
}

/** The reader's calendar day, as YYYY-MM-DD. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function exportFileName(title: string, what: string | null, date: Date, extension: 'png' | 'csv' | 'json'): string {
  return `${[slug(title), what, localDay(date)].filter(Boolean).join('-')}.${extension}`;
}
