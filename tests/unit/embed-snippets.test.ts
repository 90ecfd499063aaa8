import { describe, expect, it } from 'vitest';
import { oembedDocument, publicBase } from '../../src/embed/oembed';
import { escapeAttribute, hostScriptUrl, iframeSnippet, scriptSnippet } from '../../src/embed/snippets';

/** The attributes of the first element of an HTML snippet, parsed the way a browser tokenises a start tag. */
function attributes(snippet: string): Record<string, string> {
  const tag = /^<\w+((?:\s+[\w-]+(?:="[^"]*")?)*)\s*>/.exec(snippet);
  if (!tag) throw new Error(`not one start tag: ${snippet}`);
  const out: Record<string, string> = {};
  for (const m of tag[1]!.matchAll(/([\w-]+)(?:="([^"]*)")?/g)) out[m[1]!] = (m[2] ?? '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return out;
}

describe('snippets', () => {
  const url = 'https://cdn.example/chronomap/embed.html?event=kyiv-strike&from=2025-08-14&to=2025-08-22';

  it('frames the embed URL lazily, full width, with a title and fullscreen allowed', () => {
    const snippet = iframeSnippet(url, { title: 'Talks and strikes', height: 900 })!;
    expect(attributes(snippet)).toEqual({
      src: url,
      title: 'Talks and strikes',
      width: '100%',
      height: '900',
      loading: 'lazy',
      allow: 'fullscreen',
      frameborder: '0',
    });
    expect(snippet.endsWith('></iframe>')).toBe(true);
  });

  it('escapes quotes, angle brackets and ampersands, so a title cannot end the attribute', () => {
    const title = `"><script>alert('x')</script>`;
    const snippet = iframeSnippet(url, { title })!;
    expect(snippet).not.toContain('<script');
    expect(attributes(snippet).title).toBe(title);
    expect(attributes(snippet).src).toBe(url);
    expect(escapeAttribute(`a&b"c'd<e>`)).toBe('a&amp;b&quot;c&#39;d&lt;e&gt;');
  });

  it('builds nothing from a URL that is not http(s)', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'embed.html', '']) {
      expect(iframeSnippet(bad), bad).toBeNull();
      expect(scriptSnippet(bad), bad).toBeNull();
    }
  });

  it('pairs the div with the host script next to the embed page', () => {
    const snippet = scriptSnippet(url, { title: 'Talks & strikes' })!;
    const [div, script] = snippet.split('\n') as [string, string];
    expect(attributes(div)).toEqual({ 'data-chronomap-src': url, 'data-chronomap-title': 'Talks & strikes' });
    expect(attributes(script)).toEqual({ src: 'https://cdn.example/chronomap/chronomap-embed.js', async: '' });
    expect(hostScriptUrl(url)).toBe('https://cdn.example/chronomap/chronomap-embed.js');
  });
});

describe('oEmbed', () => {
  it('is a valid oEmbed 1.0 rich answer whose html frames the embed page of the public folder', () => {
    const base = publicBase('https://news.example/graphics/chronomap')!;
    expect(base).toBe('https://news.example/graphics/chronomap/');
    const doc = oembedDocument(base, 'Talks and strikes');
    expect(doc).toEqual({
      version: '1.0',
      type: 'rich',
      html: expect.any(String),
      width: expect.any(Number),
      height: expect.any(Number),
      title: 'Talks and strikes',
      provider_name: 'Chronomap',
      provider_url: 'https://news.example/graphics/chronomap/',
    });
    expect(Number.isInteger(doc.width) && doc.width > 0 && Number.isInteger(doc.height) && doc.height > 0).toBe(true);
    expect(attributes(doc.html).src).toBe('https://news.example/graphics/chronomap/embed.html');
    expect(attributes(doc.html).height).toBe(String(doc.height));
  });

  it('has no public folder without an http(s) address', () => {
    expect(publicBase(undefined)).toBeNull();
    expect(publicBase('')).toBeNull();
    expect(publicBase('/chronomap/')).toBeNull();
    expect(publicBase('ftp://example.org/')).toBeNull();
  });
});
