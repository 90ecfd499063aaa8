/**
 * The README's embed snippet, exactly as journalists copy it, on a page of their own next to a
 * copy of dist/ — served under the strict policy, as a careful newsroom would.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../vite.config';
import { openPage, serveFolder, type Session, type StaticServer } from './browser';

/** The first html block of the README's "Embedding it" section. */
function readmeSnippet(): string {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Embedding it'));
  const block = /```html\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('README.md: no html block under "Embedding it"');
  return block[1]!;
}

let folder: string;
let server: StaticServer;
let session: Session | undefined;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'chronomap-readme-'));
  cpSync('dist', join(folder, 'chronomap'), { recursive: true });
  writeFileSync(
    join(folder, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A newsroom's article</title></head>
<body><h1>An article</h1>\n${readmeSnippet()}</body></html>`,
  );
  server = await serveFolder(folder, { 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
});

afterAll(async () => {
  await session?.browser.close();
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("the README's embed snippet", () => {
  it('shows the interactive on a page next to a copy of dist/, loading its chunks relative to chronomap.js', async () => {
    expect(readmeSnippet()).toContain('src="chronomap/chronomap.js"');
    session = await openPage();
    await session.page.goto(server.url);
    await session.page.waitForFunction(() => document.querySelector('chrono-map')?.getAttribute('status') === 'ready', null, { timeout: 45_000 });
    expect(await session.page.evaluate(() => (document.querySelector('chrono-map') as unknown as { state: { selected: string | null } }).state.selected)).toBe('alaska-summit-trump-putin');
    const chunks = session.requests.filter((url) => url.includes('/assets/'));
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.every((url) => url.startsWith(`${server.url}chronomap/assets/`))).toBe(true);
    expect(session.errors).toEqual([]);
    expect(session.violations).toEqual([]);
  });
});
