/**
 * Vite plugin (build only): builds src/offline/service-worker.ts as `sw.js` at the root of the
 * build and writes into it the list of files to cache (every file of the build and of
 * `public/`, and the root itself for index.html) with a version hashed from their contents.
 * Runs after the other plugins, so the dataset files they emit are listed too.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, ResolvedConfig } from 'vite';

export const SERVICE_WORKER_FILE = 'sw.js';
const SOURCE = fileURLToPath(new URL('./service-worker.ts', import.meta.url));
const PLACEHOLDER = /(["'`])__CHRONOMAP_PRECACHE__\1/;

function filesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export function precacheServiceWorker(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'chronomap-precache-service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    buildStart() {
      this.emitFile({ type: 'chunk', id: SOURCE, fileName: SERVICE_WORKER_FILE });
    },
    generateBundle(_options, bundle) {
      const worker = bundle[SERVICE_WORKER_FILE];
      if (!worker || worker.type !== 'chunk' || !PLACEHOLDER.test(worker.code)) this.error(`${SERVICE_WORKER_FILE} was not built with its precache placeholder`);
      const hash = createHash('sha256');
      const files: string[] = [''];
      for (const item of Object.values(bundle)) {
        if (item.fileName === SERVICE_WORKER_FILE || item.fileName.endsWith('.map')) continue;
        files.push(item.fileName);
        hash.update(item.fileName).update(item.type === 'chunk' ? item.code : item.source);
      }
      const publicDir = config.publicDir;
      for (const path of publicDir ? filesUnder(publicDir) : []) {
        const name = relative(publicDir, path).split('\\').join('/');
        files.push(name);
        hash.update(name).update(readFileSync(path));
      }
      files.sort();
      const manifest = { version: hash.digest('hex').slice(0, 16), files };
      worker.code = worker.code.replace(PLACEHOLDER, JSON.stringify(JSON.stringify(manifest)));
    },
  };
}
