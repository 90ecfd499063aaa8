/**
 * `npm run validate -- FILE...`: checks dataset files with the app's own validator and lists
 * every problem. Exit code 0 when all files are clean, 1 when any has a problem.
 */
import { readFileSync } from 'node:fs';
import { formatProblem, validateJson } from '../src/model/validate';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run validate -- FILE [FILE...]');
  process.exit(2);
}

let failed = 0;
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    failed++;
    console.log(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    continue;
  }
  const result = validateJson(text);
  if (result.ok) {
    const { events, places } = result.dataset;
    const sources = events.reduce((n, e) => n + e.sources.length, 0);
    console.log(`${file}: valid — ${events.length} events, ${places.length} places, ${sources} sources`);
  } else {
    failed++;
    const count = result.problems.length + result.omitted;
    console.log(`${file}: ${count} problem${count === 1 ? '' : 's'}`);
    for (const p of result.problems) console.log(`  ${formatProblem(p)}`);
    if (result.omitted) console.log(`  … and ${result.omitted} more`);
  }
}
process.exit(failed ? 1 : 0);
