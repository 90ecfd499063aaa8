import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataset, event } from '../fixtures/datasets';

const dir = mkdtempSync(join(tmpdir(), 'validate-cli-'));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function validate(...paths: string[]) {
  const r = spawnSync('npx', ['tsx', 'scripts/validate.ts', ...paths], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('npm run validate', () => {
  it('exits 0 for a valid file and lists its warnings apart', () => {
    const r = validate(file('ok.json', JSON.stringify(dataset({ events: [event({ sources: [{ publisher: 'ACLED' }] })] }))));
    expect(r.code).toBe(0);
    expect(r.out).toContain('valid — 1 events, 1 places, 1 sources, 2 warnings');
    expect(r.out).toContain('warnings (they do not stop the file from loading):');
  });

  it('exits 1 with a message, never a stack trace, for every malformed file', { timeout: 60_000 }, () => {
    const bad = [
      file('empty.json', ''),
      file('binary.json', Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80, 0x90])),
      file('null.json', 'null'),
      file('list.json', '[1, 2, 3]'),
      file('deep.json', `${'['.repeat(20_000)}${']'.repeat(20_000)}`),
      file('truncated.json', JSON.stringify(dataset()).slice(0, 120)),
      file('page.json', '<!doctype html><html></html>'),
      join(dir, 'missing.json'),
      dir,
    ];
    for (const path of bad) {
      const r = validate(path);
      expect(r.code, path).toBe(1);
      expect(r.out, path).not.toMatch(/\n\s+at [\w.<>]+ \(|TypeError|RangeError/);
      expect(r.out, path).toMatch(/problem|cannot read/);
    }
  });

  it('exits 2 when no file is given', () => {
    expect(validate().code).toBe(2);
  });
});
