/**
 * The HTML a journalist pastes into a CMS to embed a view: an iframe alone, or a div with the
 * host script that sizes it. Pure; built only from http(s) URLs, every attribute escaped.
 */

/** Tall enough for the interactive on a desktop page before the host script sizes it. */
export const DEFAULT_EMBED_HEIGHT = 1000;
export const DEFAULT_EMBED_TITLE = 'Timeline and map (Chronomap)';
/** The host script, at the root of the build next to embed.html. */
export const HOST_SCRIPT = 'chronomap-embed.js';

export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** Text for a double-quoted attribute value. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface SnippetOptions {
  /** The frame's accessible name; the dataset's title reads best. */
  title?: string;
  height?: number;
}

const titleOf = (options: SnippetOptions) => escapeAttribute(options.title?.trim() || DEFAULT_EMBED_TITLE);

/**
 * An iframe for a CMS that accepts no script; null unless `embedUrl` is http(s). Its height is
 * fixed unless the host runs a protocol the embed speaks, so it keeps its scroll bar: a frame
 * shorter than the content still reaches all of it.
 */
export function iframeSnippet(embedUrl: string, options: SnippetOptions = {}): string | null {
  if (!isHttpUrl(embedUrl)) return null;
  const height = Math.round(options.height ?? DEFAULT_EMBED_HEIGHT);
  return `<iframe src="${escapeAttribute(new URL(embedUrl).href)}" title="${titleOf(options)}" width="100%" height="${height}" loading="lazy" allow="fullscreen" frameborder="0"></iframe>`;
}

/** The host script's URL: next to the embed page it frames. */
export function hostScriptUrl(embedUrl: string): string {
  return new URL(HOST_SCRIPT, embedUrl).href;
}

/** A div the host script turns into an iframe that follows its content's height; null unless http(s). */
export function scriptSnippet(embedUrl: string, options: SnippetOptions = {}): string | null {
  if (!isHttpUrl(embedUrl)) return null;
  return `<div data-chronomap-src="${escapeAttribute(new URL(embedUrl).href)}" data-chronomap-title="${titleOf(options)}"></div>\n<script src="${escapeAttribute(hostScriptUrl(embedUrl))}" async></script>`;
}
