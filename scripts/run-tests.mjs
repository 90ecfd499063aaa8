// `npm test`: type-checks, runs every Vitest project (unit, browser, e2e) and ends with the
// plain line CI reads, "N passed, N failed", taken from Vitest's JSON report.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const report = 'test-results/vitest.json';
rmSync(report, { force: true });
const bin = (name) => `node_modules/.bin/${name}`;
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;

// Browser tests drive Debian's Chromium; a fresh machine (we are root there) gets it from apt.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium is missing: installing it with apt-get (about a minute)…');
    run('bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null']);
  } else {
    console.error(`No Chromium at ${chromium}. Install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
}

// The offline file is also opened in Firefox (Debian's firefox-esr); without it that test is skipped.
const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
if (!existsSync(firefox)) {
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('Firefox is missing: installing firefox-esr with apt-get…');
    run('bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr >/dev/null']);
  } else {
    console.error(`No Firefox at ${firefox}: the offline file's Firefox test is skipped (apt-get install firefox-esr, or set FIREFOX_PATH).`);
  }
}

const typecheck = run(bin('tsc'), ['-p', '.']);
const vitest = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)]);

let passed = 0;
let failed = typecheck === 0 ? 0 : 1;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed += r.numFailedTests;
  skipped = r.numPendingTests + r.numTodoTests;
  // A file that fails to load has no failed test in it; count it so the line cannot say 0 failed.
  failed += r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.every((a) => a.status !== 'failed')).length;
} else {
  failed += 1;
  console.error('Vitest wrote no report: the run did not finish.');
}
if (typecheck !== 0) console.error('Type check failed (counted as one failure).');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || vitest !== 0 ? 1 : 0);
