/**
 * No import cycles in the project's own code (src/, scripts/, bench/), counting type-only
 * imports too: a cycle makes the order of module evaluation matter and hides a missing seam.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCE = /\.(ts|mts|mjs|js)$/;
/** `import … from './x'`, `export … from './x'`, `import './x'` and `import('./x')`, relative only. */
const SPECIFIER = /(?:^|[\s;])(?:import|export)\s(?:[^'";]*?\sfrom\s)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/gm;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(path).isDirectory() ? filesUnder(path) : SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string, known: ReadonlySet<string>): string | null {
  const base = resolve(dirname(from), specifier.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, base.replace(/\.js$/, '.ts'), join(base, 'index.ts')]) if (known.has(candidate)) return candidate;
  return null;
}

/** The import graph of `files`: each file to the project files it imports. */
export function importGraph(files: readonly string[], read: (file: string) => string): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets: string[] = [];
    for (const m of read(file).matchAll(SPECIFIER)) {
      const target = resolveImport(file, (m[1] ?? m[2])!, known);
      if (target) targets.push(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the files along it (first file repeated at the end). */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('import cycles', () => {
  it('finds a cycle through a type-only import, and none in a chain', () => {
    const files: Record<string, string> = {
      '/p/run.ts': "import { rows } from './rows';\nexport interface Results { n: number }",
      '/p/rows.ts': "import type { Results } from './run';\nexport const rows = 1;",
      '/p/a.ts': "export { b } from './b';",
      '/p/b.ts': "import './c';\nexport const b = await import('./c');",
      '/p/c.ts': "import { x } from 'node:fs';",
    };
    const cycles = findCycles(importGraph(Object.keys(files), (f) => files[f]!));
    expect(cycles).toEqual([['/p/run.ts', '/p/rows.ts', '/p/run.ts']]);
  });

  it('has none in src/, scripts/ and bench/', () => {
    const files = ['src', 'scripts', 'bench'].flatMap((d) => filesUnder(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(100);
    const graph = importGraph(files, (f) => readFileSync(f, 'utf8'));
    // The walk must see the project's real edges, or finding no cycle proves nothing.
    expect([...graph.values()].flat().length).toBeGreaterThan(200);
    expect(findCycles(graph).map((c) => c.map((f) => relative(ROOT, f)).join(' → '))).toEqual([]);
  });
});
