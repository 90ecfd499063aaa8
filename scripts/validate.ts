/**
 * `npm run validate -- FILE...`: checks dataset files with the app's own validator and lists
 * every problem, then every warning apart from them. Exit code 0 when no file has a problem
 * (warnings never fail a file), 1 when any has one.
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
  const warnings = result.warnings.length + result.omittedWarnings;
  const warned = warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : '';
  if (result.ok) {
    const { events, places } = result.dataset;
    const sources = events.reduce((n, e) => n + e.sources.length, 0);
    console.log(`${file}: valid — ${events.length} events, ${places.length} places, ${sources} sources${warned}`);
  } else {
    failed++;
    const count = result.problems.length + result.omitted;
    console.log(`${file}: ${count} problem${count === 1 ? '' : 's'}${warned}`);
    for (const p of result.problems) console.log(`  ${formatProblem(p)}`);
    if (result.omitted) console.log(`  … and ${result.omitted} more`);
  }
  if (warnings) {
    console.log('  warnings (they do not stop the file from loading):');
    for (const w of result.warnings) console.log(`    ${formatProblem(w)}`);
    if (result.omittedWarnings) console.log(`    … and ${result.omittedWarnings} more`);
  }
}
process.exit(failed ? 1 : 0);
