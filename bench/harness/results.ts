/** What one `npm run bench` gathered, handed from the runner (run.ts) to the table (rows.ts) and the doc (doc.ts). */
import type { BareRun } from './bare';
import type { BuiltFile } from './bytes';
import type { ChronomapRun } from './chronomap';
import type { BenchDataset, Shape } from './data';
import type { BigLoadRun, ContextsRun, LongSessionRun, ReaderRun } from './sessions';
import type { TimelineJsRun } from './timelinejs';

export interface Results {
  runs: number;
  /** The app code measured (git commit, uncommitted files). */
  code: string;
  startedAt: string;
  seconds: number;
  machine: Machine;
  datasets: Map<number, BenchDataset>;
  chronomap: Map<number, ChronomapRun[]>;
  bare: Map<number, BareRun[]>;
  /** The bare page with MapLibre's clustering, at the sizes `bare` has. */
  bareClustered: Map<number, BareRun[]>;
  /** The other shapes of data (the main maps hold the `cities` shape). */
  shapes: ShapeCase[];
  /** Search and playback at 100,000 events. */
  reader: ReaderRun[];
  /** The shipped dataset through a long lesson. */
  longSession: LongSessionRun[];
  /** `<chrono-map>` taken out and put back. */
  contexts: ContextsRun[];
  /** A file of about 60 MB, with the reader pressing keys while it loads. */
  bigLoad: BigLoadRun[];
  /** `npm run package`'s file, or why it could not be made. */
  offline: { raw: number; gzip: number } | { error: string } | null;
  timelinejs: Map<number, TimelineJsRun[]>;
  failures: string[];
  validation: { validate: number[]; parse: number[] } | null;
  files: { app: BuiltFile[]; bare: BuiltFile[]; timelinejs: { raw: number; gzip: number } } | null;
  dataBytes: Map<number, { raw: number; gzip: number }>;
  appBase: string;
  /** 1-minute load average when each group of runs started. */
  groupLoad: [string, number][];
}

export interface Machine {
  /** 1-minute load average when the run started and when it ended: other work on the machine skews timings. */
  load: [number, number];
  /** Share of CPU time the virtual machine's host gave to others over the run (`steal` in /proc/stat), or null where unknown. */
  steal: number | null;
  cpus: number;
  cpuModel: string;
  memoryGB: number;
  os: string;
  node: string;
  chromium: string;
  webgl: string;
}


/** One shape at one size: its data, Chronomap's runs and the bare page's, clustered and not. */
export interface ShapeCase {
  shape: Shape;
  size: number;
  data: BenchDataset;
  dataBytes: { raw: number; gzip: number };
  chronomap: ChronomapRun[];
  bare: BareRun[];
  bareClustered: BareRun[];
}
