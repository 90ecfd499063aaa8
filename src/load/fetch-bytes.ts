/**
 * Fetches a dataset's bytes, reporting progress as they arrive and telling apart what can go
 * wrong on a school network or a misconfigured server: an HTTP error, a connection that stalls,
 * one dropped mid-file, a web page or an empty body where JSON was expected. No DOM: it runs
 * in the page and in Node (tests).
 */

export type LoadFailureKind = 'http' | 'stalled' | 'dropped' | 'page' | 'empty' | 'network' | 'aborted';

export class LoadFailure extends Error {
  constructor(
    readonly kind: LoadFailureKind,
    readonly received: number,
    readonly total: number | null,
    readonly status = 0,
    detail = '',
  ) {
    super(`${kind}${detail ? `: ${detail}` : ''}`);
  }
}

export interface FetchOptions {
  /** Called as bytes arrive: how many so far, and how many in all when the server says. */
  onProgress?: (received: number, total: number | null) => void;
  /** Give up when no byte arrives for this long (ms). */
  stallMs?: number;
  signal?: AbortSignal;
  fetcher?: typeof fetch;
}

/** The body, whole; throws a LoadFailure saying what went wrong. */
export async function fetchBytes(url: string, options: FetchOptions = {}): Promise<Uint8Array> {
  const { onProgress, stallMs = 20_000, signal, fetcher = fetch } = options;
  const abort = new AbortController();
  const stop = () => abort.abort();
  signal?.addEventListener('abort', stop, { once: true });
  let stalled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      abort.abort();
    }, stallMs);
  };
  let received = 0;
  let total: number | null = null;
  const failure = (kind: LoadFailureKind, status = 0, detail = '') => new LoadFailure(stalled ? 'stalled' : signal?.aborted ? 'aborted' : kind, received, total, status, detail);
  try {
    watch();
    let response: Response;
    try {
      response = await fetcher(url, { signal: abort.signal });
    } catch (error) {
      throw failure('network', 0, String(error));
    }
    if (!response.ok) throw failure('http', response.status, response.statusText);
    const length = Number(response.headers.get('content-length'));
    // A compressed response's length counts the compressed bytes: only trust it for identity.
    const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
    total = Number.isFinite(length) && length > 0 && !encoded ? length : null;
    onProgress?.(0, total);
    const chunks: Uint8Array[] = [];
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        let part: ReadableStreamReadResult<Uint8Array>;
        try {
          part = await reader.read();
        } catch (error) {
          throw failure('dropped', 0, String(error));
        }
        if (part.done) break;
        watch();
        chunks.push(part.value);
        received += part.value.byteLength;
        onProgress?.(received, total);
      }
    } else {
      const whole = new Uint8Array(await response.arrayBuffer());
      chunks.push(whole);
      received = whole.byteLength;
    }
    if (total !== null && received < total) throw failure('dropped');
    const bytes = join(chunks, received);
    if (isBlank(bytes)) throw failure('empty');
    // Static servers often answer a missing file with the site's page rather than a 404.
    if (firstByte(bytes) === 0x3c) throw failure('page');
    return bytes;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
  }
}

function join(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The first byte that is not white space or a byte-order mark, or -1. */
function firstByte(bytes: Uint8Array): number {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return i < bytes.length ? bytes[i]! : -1;
}

function isBlank(bytes: Uint8Array): boolean {
  return firstByte(bytes) === -1;
}
