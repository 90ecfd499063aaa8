import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateJson } from '../../src/model/validate';

const dir = mkdtempSync(join(tmpdir(), 'cm-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (name: string) => new URL(`../fixtures/import/${name}`, import.meta.url).pathname;

function run(...args: string[]): { status: number | null; out: string } {
  const r = spawnSync('npx', ['tsx', 'scripts/import.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('npm run import', { timeout: 30_000 }, () => {
  const cases: [string, string, RegExp][] = [
    ['timelinejs-real.json', 'timelinejs', /timelinejs — 6 events, 0 places, 3 kinds; 0 errors, \d+ warnings/],
    ['timelinejs-edge.json', 'timelinejs', /timelinejs — 10 events, 0 places, 1 kinds; 2 errors/],
    ['timelinejs-sheet.csv', 'timelinejs-csv', /timelinejs-csv — 6 events, 0 places, 3 kinds; 1 errors/],
    ['storymap.json', 'storymap', /storymap — 1 events, 2 places, 1 kinds, a story of 5 steps; 1 errors/],
    ['chronomap.csv', 'csv', /csv — 4 events, 1 places, 2 kinds; 2 errors/],
    ['acled.csv', 'acled', /acled — 5 events, 2 places, 5 kinds; 2 errors/],
  ];
  for (const [name, format, summary] of cases) {
    it(`imports ${name} as ${format} into a file that validates`, () => {
      const out = join(dir, `${name}.out.json`);
      const r = run(fixture(name), '--out', out);
      expect(r.status, r.out).toBe(0);
      expect(r.out).toMatch(summary);
      expect(r.out).toContain(`written: ${out}`);
      expect(validateJson(readFileSync(out, 'utf8')).ok).toBe(true);
    });
  }

  it('lists errors before warnings, each with where it happened', () => {
    const r = run(fixture('acled.csv'), '--out', join(dir, 'a.json'));
    expect(r.out.indexOf('errors (items dropped):')).toBeLessThan(r.out.indexOf('warnings (kept'));
    expect(r.out).toContain('  row 5, column latitude: 91.0000 is not a latitude');
  });

  it('writes next to the file by default', () => {
    const csv = join(dir, 'events.csv');
    writeFileSync(csv, 'title,start,kind\nExample,2025-08-18,meeting\n');
    expect(run(csv).status).toBe(0);
    expect(validateJson(readFileSync(join(dir, 'events.chronomap.json'), 'utf8')).ok).toBe(true);
  });

  it('exits 1, writing nothing, when no events come out', () => {
    const r = run(fixture('timelinejs-no-year.csv'), '--out', join(dir, 'none.json'));
    expect(r.status).toBe(1);
    expect(r.out).toContain('row 1: the column "Year" is missing');
    expect(r.out).toContain('nothing written');
  });

  it('exits 1 with a message, never a stack trace, for unreadable or broken files', () => {
    const missing = run(join(dir, 'missing.json'));
    expect(missing.status).toBe(1);
    expect(missing.out).toContain('cannot read the file (ENOENT)');
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"events": [');
    const r = run(broken, '--format', 'timelinejs');
    expect(r.status).toBe(1);
    expect(r.out).toContain('not valid JSON');
    expect(r.out).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on usage errors', () => {
    expect(run().status).toBe(2);
    expect(run(fixture('acled.csv'), '--format', 'excel').out).toContain('unknown format "excel"');
    expect(run(fixture('acled.csv'), '--bogus').status).toBe(2);
  });
});
