import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_HOLD_MS, refreshTogether } from '../../src/map/tile-batch';

/** A source whose tile loads each end when told to, as a worker's answers come back one by one. */
function fakeSource() {
  const pending = new Map<string, { resolve: (v: string) => void; reject: (e: Error) => void }>();
  const source = {
    loadTile(tile: never): Promise<unknown> {
      return new Promise<string>((resolve, reject) => pending.set(tile as unknown as string, { resolve, reject }));
    },
  };
  return { source, pending };
}

/** Loads `tiles` through the source and notes when each one's load ends, by tick. */
function load(source: { loadTile(tile: never): Promise<unknown> }, tiles: string[], ended: string[]): Promise<unknown>[] {
  return tiles.map((t) =>
    source.loadTile(t as never).then(
      () => ended.push(t),
      () => ended.push(`${t}!`),
    ),
  );
}

const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

afterEach(() => vi.useRealTimers());

describe('refreshTogether', () => {
  it('ends the loads of one refresh together, once the last of them is back', async () => {
    const { source, pending } = fakeSource();
    const ended: string[] = [];
    refreshTogether(source, () => load(source, ['a', 'b', 'c'], ended));
    pending.get('b')!.resolve('b');
    pending.get('a')!.resolve('a');
    await flush();
    expect(ended).toEqual([]);
    pending.get('c')!.resolve('c');
    await flush();
    expect(ended.sort()).toEqual(['a', 'b', 'c']);
  });

  it('keeps each load’s own result and failure', async () => {
    const { source, pending } = fakeSource();
    const results: unknown[] = [];
    refreshTogether(source, () => {
      source.loadTile('a' as never).then((r) => results.push(r), (e: Error) => results.push(e.message));
      source.loadTile('b' as never).then((r) => results.push(r));
    });
    pending.get('a')!.reject(new Error('tile a failed'));
    await flush();
    expect(results).toEqual(['tile a failed']);
    pending.get('b')!.resolve('b');
    await flush();
    expect(results).toEqual(['tile a failed', 'b']);
  });

  it('leaves loads outside a refresh alone (the camera moved)', async () => {
    const { source, pending } = fakeSource();
    const ended: string[] = [];
    refreshTogether(source, () => load(source, ['a', 'b'], ended));
    load(source, ['c'], ended);
    pending.get('c')!.resolve('c');
    await flush();
    expect(ended).toEqual(['c']);
  });

  it('does not wait longer than MAX_HOLD_MS for a tile that does not come back', async () => {
    vi.useFakeTimers();
    const { source, pending } = fakeSource();
    const ended: string[] = [];
    refreshTogether(source, () => load(source, ['a', 'b'], ended));
    pending.get('a')!.resolve('a');
    await vi.advanceTimersByTimeAsync(MAX_HOLD_MS - 1);
    expect(ended).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(ended).toEqual(['a']);
  });

  it('holds each refresh on its own tiles only', async () => {
    const { source, pending } = fakeSource();
    const ended: string[] = [];
    refreshTogether(source, () => load(source, ['a', 'b'], ended));
    refreshTogether(source, () => load(source, ['c', 'd'], ended));
    pending.get('c')!.resolve('c');
    pending.get('d')!.resolve('d');
    await flush();
    expect(ended.sort()).toEqual(['c', 'd']);
    pending.get('a')!.resolve('a');
    pending.get('b')!.resolve('b');
    await flush();
    expect(ended.sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});
