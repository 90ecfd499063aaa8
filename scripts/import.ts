/**
 * `npm run import -- FILE [--format F] [--out OUT.json] [--timezone ZONE] [--language CODE]`:
 * turns a TimelineJS, StoryMapJS, Chronomap-template or ACLED-style file into a Chronomap
 * dataset that passes `npm run validate`, and lists what was dropped or changed.
 * Exit codes: 0 written; 1 nothing usable (no events) or the file cannot be read; 2 usage.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { IMPORT_FORMATS, importText, type ImportFormat, type ImportNote } from '../src/import/index';

const USAGE = `usage: npm run import -- FILE [--format ${IMPORT_FORMATS.join('|')}] [--out OUT.json] [--timezone ZONE] [--language CODE]`;
/** Notes listed per level; the rest are counted. */
const SHOWN = 40;

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { format: { type: 'string' }, out: { type: 'string' }, timezone: { type: 'string' }, language: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    usage(String((error as Error).message ?? error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) usage(positionals.length ? 'give one file at a time' : 'no file given');
  const format = values.format as ImportFormat | undefined;
  if (format !== undefined && !IMPORT_FORMATS.includes(format)) usage(`unknown format "${format}"`);
  const file = positionals[0]!;
  const out = values.out ?? `${file.replace(/\.(json|csv|tsv|txt)$/i, '')}.chronomap.json`;

  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.log(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    return 1;
  }
  const result = importText(text, {
    filename: file,
    ...(format ? { format } : {}),
    ...(values.timezone ? { timezone: values.timezone } : {}),
    ...(values.language ? { language: values.language } : {}),
  });
  const errors = result.notes.filter((n) => n.level === 'error');
  const warnings = result.notes.filter((n) => n.level === 'warning');
  const d = result.dataset;
  const kinds = d ? (d.kinds?.length ?? new Set(d.events.map((e) => e.kind)).size) : 0;
  console.log(`${file}: ${result.format} — ${d?.events.length ?? 0} events, ${d?.places.length ?? 0} places, ${kinds} kinds${d?.stories?.length ? `, a story of ${d.stories[0]!.steps.length} steps` : ''}; ${errors.length} errors, ${warnings.length} warnings`);
  list('errors (items dropped)', errors);
  list('warnings (kept, but changed or partly lost)', warnings);
  if (!d || d.events.length === 0) {
    console.log(`nothing written: ${d ? 'no events came out of the file' : 'the file gave no usable dataset'}`);
    return 1;
  }
  try {
    writeFileSync(out, `${JSON.stringify(d, null, 2)}\n`);
  } catch (error) {
    console.log(`${out}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    return 1;
  }
  console.log(`written: ${out}`);
  return 0;
}

function list(title: string, notes: ImportNote[]): void {
  if (!notes.length) return;
  console.log(`${title}:`);
  for (const n of notes.slice(0, SHOWN)) console.log(`  ${n.where}: ${n.message}`);
  if (notes.length > SHOWN) console.log(`  … and ${notes.length - SHOWN} more`);
}

try {
  process.exitCode = main();
} catch (error) {
  // Never a stack trace: a file that stops the importer is still a message.
  console.log(`the import stopped: ${String((error as Error)?.message ?? error).slice(0, 200)}`);
  process.exitCode = 1;
}
