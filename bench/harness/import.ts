/**
 * `npx tsx bench/harness/import.ts [--rows=100000]`: how long importing a conflict-event CSV
 * of synthetic rows in ACLED's column layout takes in Node (parse, import, validate), and
 * the heap it grows by. Not part of `npm test`; the numbers go in docs/performance.md by hand.
 */
import { parseArgs } from 'node:util';
import { importAcledCsv } from '../../src/import/acled-csv';
import { importText } from '../../src/import/index';
import { validateValue } from '../../src/model/validate';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, runs: { type: 'string', default: '3' } } });
const ROWS = Number(values.rows);
const RUNS = Number(values.runs);

const TYPES: [string, string, string][] = [
  ['Political violence', 'Battles', 'Armed clash'],
  ['Political violence', 'Explosions/Remote violence', 'Shelling/artillery/missile attack'],
  ['Political violence', 'Explosions/Remote violence', 'Air/drone strike'],
  ['Political violence', 'Violence against civilians', 'Attack'],
  ['Demonstrations', 'Protests', 'Peaceful protest'],
  ['Demonstrations', 'Riots', 'Violent demonstration'],
  ['Strategic developments', 'Strategic developments', 'Looting/property destruction'],
];

/** Deterministic synthetic rows: 400 locations, dates over three years, notes of news length. */
function syntheticCsv(rows: number): string {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const header = 'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';
  const lines = [header];
  const day0 = Date.UTC(2022, 0, 1);
  for (let i = 0; i < rows; i++) {
    const [disorder, type, sub] = TYPES[Math.floor(rnd() * TYPES.length)]!;
    const loc = Math.floor(rnd() ** 2 * 400);
    const date = new Date(day0 + Math.floor(rnd() * 1095) * 86_400_000).toISOString().slice(0, 10);
    const notes = `"On ${date}, synthetic row ${i}: an example ${sub.toLowerCase()} near Example Place ${loc}, reported by Example Daily; no real event is described, and this text only has the length of a typical note."`;
    lines.push(`SYN${i},${date},${date.slice(0, 4)},${1 + Math.floor(rnd() * 3)},${disorder},${type},${sub},Example Force A,,1,Example Force B,,2,12,,999,Example Region,Exampleland,Province ${loc % 20},District ${loc % 80},,Example Place ${loc},${(44 + (loc % 20) * 0.3).toFixed(4)},${(30 + Math.floor(loc / 20) * 0.3).toFixed(4)},${1 + (loc % 3)},Example Daily; Example Radio,National,${notes},${Math.floor(rnd() * 4)},,1700000000`);
  }
  return lines.join('\n');
}

const text = syntheticCsv(ROWS);
console.log(`${ROWS.toLocaleString('en-US')} rows, ${(text.length / 1e6).toFixed(1)} MB of CSV`);
for (let run = 1; run <= RUNS; run++) {
  const heap0 = process.memoryUsage().heapUsed;
  let t = performance.now();
  const raw = importAcledCsv(text);
  const importMs = performance.now() - t;
  t = performance.now();
  const result = importText(text, { format: 'acled' });
  const totalMs = performance.now() - t;
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 1e6;
  t = performance.now();
  validateValue(raw.dataset);
  const validateMs = performance.now() - t;
  console.log(`run ${run}: import ${importMs.toFixed(0)} ms (${raw.dataset!.events.length} events, ${raw.dataset!.places.length} places); import + validate ${totalMs.toFixed(0)} ms (${result.dataset?.events.length ?? 0} events, ${result.notes.length} notes); heap +${heapMb.toFixed(0)} MB; the validator alone ${validateMs.toFixed(0)} ms`);
}
