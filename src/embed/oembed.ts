/**
 * The oEmbed 1.0 answer for the interactive (https://oembed.com, type "rich"), written into the
 * build as `oembed.json` for a public address known at build time. Pure.
 */
import { DEFAULT_EMBED_HEIGHT, iframeSnippet, isHttpUrl } from './snippets';

export interface OEmbedRich {
  version: '1.0';
  type: 'rich';
  html: string;
  width: number;
  height: number;
  title: string;
  provider_name: string;
  provider_url: string;
}

/** oEmbed's width for a page column; the iframe itself is 100% wide. */
export const OEMBED_WIDTH = 1000;
export const PROVIDER_NAME = 'Chronomap';

/** The folder the build is served from, ending in a slash; null unless it is an http(s) URL. */
export function publicBase(value: string | undefined): string | null {
  if (!value || !isHttpUrl(value)) return null;
  const url = new URL(value);
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** `base` is the public folder of the build (see publicBase); `title` the dataset's. */
export function oembedDocument(base: string, title: string): OEmbedRich {
  const html = iframeSnippet(new URL('embed.html', base).href, { title, height: DEFAULT_EMBED_HEIGHT });
  if (!html) throw new Error(`oEmbed needs an http(s) base URL, not ${base}`);
  return { version: '1.0', type: 'rich', html, width: OEMBED_WIDTH, height: DEFAULT_EMBED_HEIGHT, title, provider_name: PROVIDER_NAME, provider_url: base };
}
