/**
 * `validateJson` timed in a Node process of its own, each call on a collected heap, as
 * `npm run validate` and the app's validation worker meet it: in the harness's process, or
 * after the previous call's garbage, it paid for collecting data that was not its own.
 * Prints the times as JSON.
 *
 * Usage: node --expose-gc --import tsx bench/harness/validate-node.ts FILE RUNS
 */
import { readFileSync } from 'node:fs';
import { validateJson } from '../../src/model/validate';

const [file, runsArg] = process.argv.slice(2);
const text = readFileSync(file!, 'utf8');
const validate: number[] = [];
const parse: number[] = [];
const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('run with --expose-gc');
for (let i = 0; i < Number(runsArg); i++) {
  collect();
  let t = performance.now();
  const result = validateJson(text);
  validate.push(performance.now() - t);
  if (!result.ok) throw new Error(`${file} did not validate`);
  collect();
  t = performance.now();
  JSON.parse(text);
  parse.push(performance.now() - t);
}
process.stdout.write(JSON.stringify({ validate, parse }));
