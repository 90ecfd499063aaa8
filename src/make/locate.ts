/**
 * Where in a file a note points, as a line number the "Make your own" page can scroll to and
 * mark: "row 12, column End Year" names a CSV record (row 1 is the header; a quoted cell may span
 * lines), "events[3].media.url" a place in a JSON document. Pure; null when it cannot tell.
 */

/** The 1-based line a note's `where` points at in `text`, or null. */
export function lineOf(text: string, where: string): number | null {
  const row = /^row (\d+)/i.exec(where);
  if (row) return csvRecordLine(text, Number(row[1]));
  const path = parsePath(where);
  return path ? jsonPathLine(text, path) : null;
}

/** The line on which CSV record `row` (1 = the header) starts, counting quoted line breaks. */
export function csvRecordLine(text: string, row: number): number | null {
  if (!Number.isInteger(row) || row < 1) return null;
  let record = 1;
  let line = 1;
  let quoted = false;
  if (row === 1) return 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n') {
      line++;
      if (!quoted) {
        record++;
        if (record === row) return i + 1 < text.length ? line : null;
      }
    }
  }
  return null;
}

type Key = string | number;

/** `events[3].media.url` → ['events', 3, 'media', 'url']; null for anything that is not a path. */
export function parsePath(where: string): Key[] | null {
  const m = /^[A-Za-z_$][\w$]*(\[\d+\]|\.[A-Za-z_$][\w$]*|\["[^"]*"\])*/.exec(where.trim());
  if (!m || m[0].length === 0) return null;
  const keys: Key[] = [];
  for (const part of m[0].matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]|\["([^"]*)"\]/g)) {
    if (part[1] !== undefined) keys.push(part[1]);
    else if (part[2] !== undefined) keys.push(Number(part[2]));
    else keys.push(part[3]!);
  }
  return keys;
}

/**
 * The line where the value at `path` starts in a JSON text, found by walking its tokens; the
 * deepest part of the path that exists when the rest does not (a missing field is reported on
 * its object).
 */
export function jsonPathLine(text: string, path: readonly Key[]): number | null {
  let i = 0;
  let line = 1;
  let best: number | null = null;
  const ws = () => {
    while (i < text.length) {
      const c = text[i]!;
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\ufeff') break;
      i++;
    }
  };
  const string = (): string => {
    let out = '';
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        out += text[i + 1] ?? '';
        i += 2;
      } else {
        if (text[i] === '\n') line++;
        out += text[i++];
      }
    }
    i++;
    return out;
  };
  // Walks one value; `depth` is how much of the path the value stands at, -1 when off the path.
  const value = (depth: number): boolean => {
    ws();
    if (depth === path.length) {
      best = line;
      return true;
    }
    if (depth >= 0) best = line;
    const c = text[i];
    if (c === '{') {
      i++;
      for (;;) {
        ws();
        if (text[i] === '}') {
          i++;
          return false;
        }
        if (text[i] !== '"') return false;
        const key = string();
        ws();
        if (text[i] !== ':') return false;
        i++;
        if (value(depth >= 0 && path[depth] === key ? depth + 1 : -1)) return true;
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return false;
        } else return false;
      }
    }
    if (c === '[') {
      i++;
      for (let k = 0; ; k++) {
        ws();
        if (text[i] === ']') {
          i++;
          return false;
        }
        if (value(depth >= 0 && path[depth] === k ? depth + 1 : -1)) return true;
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return false;
        } else return false;
      }
    }
    if (c === '"') string();
    else while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
    return false;
  };
  value(0);
  return best;
}
