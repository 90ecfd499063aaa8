/**
 * Bytes shipped, counted from the built files (raw and gzip -9), and what the page needed
 * before its first timeline mark, matched from the browser's resource timing to those files.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BuiltFile {
  /** Path inside the build, with forward slashes, e.g. `assets/index-abc.js`. */
  path: string;
  raw: number;
  gzip: number;
  kind: 'js' | 'worker' | 'css' | 'html' | 'data' | 'other';
  /** A JS chunk of MapLibre itself (its code, or its CSS inlined as JS), by name or by its exports. */
  mapLibre: boolean;
  /** JS loaded with the page: the entry and its static imports (from Vite's manifest). */
  eager: boolean;
}

/** Files of the entry chunk and its static imports, from `.vite/manifest.json` (built with `--manifest`). */
export function eagerFiles(root: string): Set<string> {
  const manifest = JSON.parse(readFileSync(join(root, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string; isEntry?: boolean; imports?: string[] }>;
  const out = new Set<string>();
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (!chunk || out.has(chunk.file)) return;
    out.add(chunk.file);
    for (const k of chunk.imports ?? []) visit(k);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return out;
}

export function builtFiles(root: string, skip: (path: string) => boolean = () => false): BuiltFile[] {
  const out: BuiltFile[] = [];
  const eager = existsSync(join(root, '.vite/manifest.json')) ? eagerFiles(root) : new Set<string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        walk(full);
        continue;
      }
      const path = relative(root, full).split(sep).join('/');
      if (path.startsWith('.vite/') || skip(path)) continue;
      const buf = readFileSync(full);
      const ext = extname(name);
      const js = ext === '.js' || ext === '.mjs';
      const kind: BuiltFile['kind'] = js ? (/worker/i.test(name) ? 'worker' : 'js') : ext === '.css' ? 'css' : ext === '.html' ? 'html' : path.startsWith('data/') ? 'data' : 'other';
      // MapLibre's chunks and its worker; the validator's worker (large files) is the timeline's own.
      const mapLibre = (kind === 'js' || kind === 'worker') && (/maplibre/i.test(name) || (buf.includes('getMaxParallelImageRequests') && buf.includes('setRTLTextPlugin')));
      out.push({ path, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, kind, mapLibre, eager: kind === 'js' && eager.has(path) });
    }
  };
  walk(root);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

export function total(files: readonly BuiltFile[]): { raw: number; gzip: number; count: number } {
  return files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, count: t.count + 1 }), { raw: 0, gzip: 0, count: 0 });
}

/** The built file a URL under `base` (e.g. `http://127.0.0.1:1234/app/`) refers to. */
export function fileForUrl(files: readonly BuiltFile[], base: string, url: string): BuiltFile | undefined {
  if (!url.startsWith(base)) return undefined;
  const path = decodeURIComponent(new URL(url).pathname.slice(new URL(base).pathname.length));
  return files.find((f) => f.path === path);
}
