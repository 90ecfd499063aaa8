import { describe, expect, it } from 'vitest';
import { csvRecordLine, jsonPathLine, lineOf, parsePath } from '../../src/make/locate';

describe('lineOf', () => {
  it('finds a CSV row, counting a quoted cell that spans lines', () => {
    const csv = 'Year,Headline,Text\n2025,One,"first\nsecond"\n2026,Two,plain\n';
    expect(csvRecordLine(csv, 1)).toBe(1);
    expect(csvRecordLine(csv, 2)).toBe(2);
    expect(lineOf(csv, 'row 3, column Year: not a year')).toBe(4);
    expect(csvRecordLine(csv, 9)).toBeNull();
  });

  it('finds a JSON path, or the deepest part of it that exists', () => {
    const json = '{\n  "events": [\n    { "id": "a" },\n    {\n      "id": "b",\n      "media": {\n        "url": "x"\n      }\n    }\n  ]\n}';
    expect(parsePath('events[1].media.url')).toEqual(['events', 1, 'media', 'url']);
    expect(jsonPathLine(json, ['events', 1, 'media', 'url'])).toBe(7);
    expect(lineOf(json, 'events[1].media.caption: missing')).toBe(6);
    expect(lineOf(json, 'events[0]')).toBe(3);
  });

  it('gives null for a note about the whole file', () => {
    expect(lineOf('{}', 'file: not valid JSON')).toBe(1);
    expect(lineOf('{}', '')).toBeNull();
  });
});
