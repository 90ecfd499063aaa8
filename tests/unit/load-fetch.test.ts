import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoadFailure, fetchBytes } from '../../src/load/fetch-bytes';
import { validateBytes } from '../../src/load/validate-bytes';
import { dataset } from '../fixtures/datasets';

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case '/ok':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '7' }).end('{"a":1}');
        break;
      case '/bom':
        res.writeHead(200).end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(dataset()))]));
        break;
      case '/stall':
        res.writeHead(200, { 'content-length': '1000' });
        res.write('{"version"');
        break;
      case '/drop':
        res.writeHead(200, { 'content-length': '1000' });
        res.write('{"version": 2, "title"', () => res.destroy());
        break;
      case '/page':
        res.writeHead(200, { 'content-type': 'text/html' }).end('\n  <!doctype html><html></html>');
        break;
      case '/empty':
        res.writeHead(200).end('  \n');
        break;
      default:
        res.writeHead(404, 'Not Found').end('no');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

async function failure(path: string, stallMs = 5_000): Promise<LoadFailure> {
  try {
    await fetchBytes(`${base}${path}`, { stallMs });
  } catch (error) {
    if (error instanceof LoadFailure) return error;
    throw error;
  }
  throw new Error('no failure');
}

describe('fetchBytes', () => {
  it('gives the body and reports progress against the length the server gives', async () => {
    const seen: [number, number | null][] = [];
    const bytes = await fetchBytes(`${base}/ok`, { onProgress: (r, t) => seen.push([r, t]) });
    expect(new TextDecoder().decode(bytes)).toBe('{"a":1}');
    expect(seen.at(-1)).toEqual([7, 7]);
  });

  it('tells a stalled connection, a dropped one, a web page, an empty body and an HTTP error apart', async () => {
    expect(await failure('/stall', 300)).toMatchObject({ kind: 'stalled', received: 10, total: 1000 });
    expect(await failure('/drop')).toMatchObject({ kind: 'dropped', total: 1000 });
    expect((await failure('/page')).kind).toBe('page');
    expect((await failure('/empty')).kind).toBe('empty');
    expect(await failure('/missing')).toMatchObject({ kind: 'http', status: 404 });
  });

  it('accepts a file that starts with a UTF-8 byte-order mark', async () => {
    const result = await validateBytes(await fetchBytes(`${base}/bom`));
    expect(result.ok).toBe(true);
  });
});
