import { describe, expect, it } from 'vitest';
import { mayCommand, parseCommand, parseOrigins, reportTarget } from '../../src/embed/api';
import { embedUrl, parseEmbedOptions } from '../../src/embed/options';

describe('parseCommand', () => {
  it('accepts the three commands with valid fields', () => {
    expect(parseCommand({ type: 'chronomap:select', id: 'alaska-summit-trump-putin' })).toEqual({ type: 'chronomap:select', id: 'alaska-summit-trump-putin' });
    expect(parseCommand({ type: 'chronomap:select', id: null })).toEqual({ type: 'chronomap:select', id: null });
    expect(parseCommand({ type: 'chronomap:set-window', from: '2025-08-14', to: '2025-08-18T13:15-04:00' })).toEqual({ type: 'chronomap:set-window', from: '2025-08-14', to: '2025-08-18T13:15-04:00' });
    expect(parseCommand({ type: 'chronomap:go-to-step', step: 3 })).toEqual({ type: 'chronomap:go-to-step', step: 3 });
  });

  it('keeps only the known fields', () => {
    expect(parseCommand({ type: 'chronomap:select', id: 'a', html: '<img onerror=alert(1)>' })).toEqual({ type: 'chronomap:select', id: 'a' });
  });

  it('rejects wrong types, lengths and values', () => {
    for (const data of [
      { type: 'chronomap:select', id: 7 },
      { type: 'chronomap:select', id: 'has space' },
      { type: 'chronomap:select', id: 'x'.repeat(121) },
      { type: 'chronomap:select' },
      { type: 'chronomap:set-window', from: '2025-08-18', to: '2025-08-14' },
      { type: 'chronomap:set-window', from: '18/08/2025', to: '2025-08-20' },
      { type: 'chronomap:set-window', from: `2025-08-14${' '.repeat(40)}`, to: '2025-08-20' },
      { type: 'chronomap:go-to-step', step: 0 },
      { type: 'chronomap:go-to-step', step: 1.5 },
      { type: 'chronomap:go-to-step', step: '2' },
      { type: 'chronomap:go-to-step', step: 1e9 },
      { type: 'chronomap:reload' },
      'chronomap:select',
      null,
      [{ type: 'chronomap:select', id: 'a' }],
    ]) {
      expect(parseCommand(data), JSON.stringify(data)).toBeNull();
    }
  });
});

describe('origins', () => {
  it('keeps exact http(s) origins and drops paths, trailing slashes and other schemes', () => {
    expect(parseOrigins('https://news.example, http://127.0.0.1:8080,https://news.example/,https://x.example/path,javascript:alert(1),*,null')).toEqual(['https://news.example', 'http://127.0.0.1:8080']);
    expect(parseOrigins(null)).toEqual([]);
  });

  it('obeys only the parent window of a listed origin', () => {
    expect(mayCommand(['https://news.example'], 'https://news.example', true)).toBe(true);
    expect(mayCommand(['https://news.example'], 'https://news.example', false)).toBe(false);
    expect(mayCommand(['https://news.example'], 'https://evil.example', true)).toBe(false);
    expect(mayCommand([], 'https://news.example', true)).toBe(false);
  });

  it('reports to the first listed origin, else to any parent', () => {
    expect(reportTarget(['https://a.example', 'https://b.example'])).toBe('https://a.example');
    expect(reportTarget([])).toBe('*');
  });
});

describe('parseEmbedOptions', () => {
  it('reads the attributes, the protocols and the origins of the embed URL', () => {
    const options = parseEmbedOptions(
      'https://cdn.example/chronomap/embed.html?src=data/other.json&event=kyiv-strike&from=2025-08-14&to=2025-08-22&lang=uk&theme=dark&story=august&step=2&childId=graphic&datawrapper-id=dw1&origins=https://news.example#?secret=abc123XYZ0',
    );
    expect(options.attributes).toEqual({ src: 'data/other.json', event: 'kyiv-strike', from: '2025-08-14', to: '2025-08-22', lang: 'uk', theme: 'dark', story: 'august', step: '2' });
    expect(options.protocols).toEqual({ pymId: 'graphic', wpSecret: 'abc123XYZ0', datawrapperId: 'dw1' });
    expect(options.origins).toEqual(['https://news.example']);
    expect(options.ignored).toEqual([]);
  });

  it('drops and names what fails its check', () => {
    const options = parseEmbedOptions('https://cdn.example/embed.html?src=javascript:alert(1)&event=a%20b&theme=neon&step=0&childId=a%22b&origins=https://news.example/path#?secret=no-dashes');
    expect(options.attributes).toEqual({});
    expect(options.protocols).toEqual({ pymId: null, wpSecret: null, datawrapperId: null });
    expect(options.origins).toEqual([]);
    expect(options.ignored.sort()).toEqual(['childId', 'event', 'origins', 'secret', 'src', 'step', 'theme']);
  });

  it('is the inverse of embedUrl', () => {
    const url = embedUrl('https://cdn.example/chronomap/embed.html#old', { event: 'kyiv-strike', from: '2025-08-14', to: '2025-08-18T13:15:00Z', lang: 'uk' }, ['https://news.example', 'https://other.example']);
    expect(url).toBe('https://cdn.example/chronomap/embed.html?event=kyiv-strike&from=2025-08-14&to=2025-08-18T13:15:00Z&lang=uk&origins=https://news.example,https://other.example');
    const back = parseEmbedOptions(url);
    expect(back.attributes).toEqual({ event: 'kyiv-strike', from: '2025-08-14', to: '2025-08-18T13:15:00Z', lang: 'uk' });
    expect(back.origins).toEqual(['https://news.example', 'https://other.example']);
  });
});
