import { describe, expect, it } from 'vitest';
import { fit, placeFirst, placeLabels, type LabelCandidate } from '../../src/timeline/labels';

const measure = (text: string) => text.length * 6;
const options = { width: 400, markHalf: 10, measure };
const mark = (id: string, x: number, row = 0, text = `Headline ${id}`): LabelCandidate => ({ id, lane: 'a', row, x, text });

describe('placeLabels', () => {
  it('writes a headline to the right of its mark when the row is free', () => {
    const m = mark('summit', 50);
    expect(placeLabels([m], [m], options)).toEqual([{ id: 'summit', lane: 'a', row: 0, x: 63, text: 'Headline summit', shortened: false }]);
  });

  it('never runs a label over the next mark of its row, nor over another label', () => {
    const marks = [mark('a', 20), mark('b', 120), mark('c', 130, 0, 'x')];
    const placed = placeLabels(marks, marks, options);
    const boxes = placed.map((l) => [l.x, l.x + measure(l.text)] as const);
    for (const [x0, x1] of boxes) for (const m of marks) expect(m.x + 10 <= x0 || m.x - 10 >= x1).toBe(true);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(boxes[i]![1] <= boxes[j]![0] || boxes[j]![1] <= boxes[i]![0]).toBe(true);
  });

  it('gives the space to candidates in the order given, and shortens a long headline to fit', () => {
    const first = mark('key', 300, 0, 'A very long headline about the summit in Alaska');
    const before = mark('before', 150, 0, 'x');
    const placed = placeLabels([first], [first, before], options);
    expect(placed[0]!.shortened).toBe(true);
    expect(placed[0]!.x).toBeGreaterThanOrEqual(160);
    expect(placed[0]!.x + measure(placed[0]!.text)).toBeLessThanOrEqual(400);
  });

  it('writes a headline to the left of its mark when only the left holds it', () => {
    const marks = [mark('late', 380, 0, 'Summit'), mark('other', 100, 0, 'x')];
    const placed = placeLabels([marks[0]!], marks, options);
    expect(placed).toEqual([{ id: 'late', lane: 'a', row: 0, x: 367 - 36, text: 'Summit', shortened: false }]);
  });

  it('labels each row on its own: a mark in another row is no obstacle', () => {
    const marks = [mark('a', 20, 0), mark('b', 60, 1)];
    expect(placeLabels(marks, marks, options).map((l) => l.id)).toEqual(['a', 'b']);
  });

  it('leaves a mark unlabelled when too little room is left', () => {
    const marks = [mark('a', 20), mark('b', 55)];
    expect(placeLabels([marks[0]!], marks, options)).toEqual([]);
  });
});

describe('fit', () => {
  it('keeps a text that fits, and refuses to shorten one to a few letters', () => {
    expect(fit('Kyiv', 100, measure)).toEqual({ text: 'Kyiv', shortened: false });
    expect(fit('Kharkiv apartment strike', 30, measure)).toBeNull();
    expect(fit('Kharkiv apartment strike', 60, measure)).toEqual({ text: 'Kharkiv…', shortened: true });
  });
});

describe('placeFirst', () => {
  // Two marks in a row; the left one's headline fills the room the right one would need on its left.
  const left = mark('left', 20, 0, 'A headline long enough to run far to the right');
  const right = mark('right', 330, 0, 'Selected event headline here');
  const other = mark('other', 200, 1, 'Another row');
  const marks = [left, right, other];
  const before = placeLabels([left, other, right], marks, options);

  it('gives the new first candidate the label a full placement with it first would give', () => {
    const after = placeFirst(right, marks, before, options);
    const fresh = placeLabels([right, left, other], marks, options);
    expect(after.find((l) => l.id === 'right')).toEqual(fresh.find((l) => l.id === 'right'));
  });

  it('keeps every other label that leaves it room, where it was, and drops those in its way', () => {
    expect(before.find((l) => l.id === 'right')?.shortened ?? true).toBe(true);
    const after = placeFirst(right, marks, before, options);
    const own = after.find((l) => l.id === 'right')!;
    expect(own.shortened).toBe(false);
    expect(after.find((l) => l.id === 'other')).toEqual(before.find((l) => l.id === 'other'));
    const kept = after.find((l) => l.id === 'left');
    if (kept) expect(kept.x + measure(kept.text) <= own.x || own.x + measure(own.text) <= kept.x).toBe(true);
    expect(after.filter((l) => l.id === 'right')).toHaveLength(1);
  });

  it('changes nothing when even alone the candidate has no room for a label', () => {
    const crowded = [mark('a', 100, 0, 'Headline a'), mark('b', 112, 0), mark('c', 88, 0)];
    const placed = placeLabels(crowded, crowded, options);
    expect(placeFirst(crowded[0]!, crowded, placed, options)).toEqual(placed.filter((l) => l.id !== 'a'));
  });
});
