/**
 * What embed.html reads from its own URL, and the URL that asks for a given view: the options
 * of <chrono-map> (`src`, `event`, `from`, `to`, `lang`, `theme`, `story`, `step`, with the
 * attributes' meanings), the sizing protocols a host runs, and the origins whose commands are
 * obeyed. Values that fail their check are dropped and named, never passed on. Pure.
 */
import { LIMITS } from '../model/vocabulary';
import { isId, isWhen, parseOrigins } from './api';
import { validDatawrapperId, validPymId, validWpSecret, type SizingProtocols } from './sizing';

export const EMBED_ATTRIBUTES = ['src', 'event', 'from', 'to', 'lang', 'theme', 'story', 'step'] as const;
export type EmbedAttribute = (typeof EMBED_ATTRIBUTES)[number];
export type EmbedAttributes = Partial<Record<EmbedAttribute, string>>;

export interface EmbedOptions {
  attributes: EmbedAttributes;
  protocols: SizingProtocols;
  origins: string[];
  /** Parameters present but invalid, for a console warning. */
  ignored: string[];
}

/** A dataset path relative to the embed page, or an http(s) URL. */
function isDatasetUrl(value: string, base: string): boolean {
  if (value.length > LIMITS.url) return false;
  try {
    const { protocol } = new URL(value, base);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

const CHECKS: Record<EmbedAttribute, (value: string, base: string) => boolean> = {
  src: isDatasetUrl,
  event: isId,
  story: isId,
  from: isWhen,
  to: isWhen,
  lang: (v) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/.test(v),
  theme: (v) => v === 'light' || v === 'dark' || v === 'auto',
  step: (v) => /^[1-9]\d{0,3}$/.test(v),
};

/** WordPress' secret from a URL hash (`#?secret=…`); it may be added after the page has loaded. */
export function wpSecretOf(hash: string): string | null {
  return validWpSecret(new URLSearchParams(hash.replace(/^#\??/, '')).get('secret'));
}

export function parseEmbedOptions(href: string): EmbedOptions {
  const url = new URL(href);
  const query = url.searchParams;
  const attributes: EmbedAttributes = {};
  const ignored: string[] = [];
  for (const name of EMBED_ATTRIBUTES) {
    const value = query.get(name);
    if (value === null) continue;
    if (CHECKS[name](value, url.href)) attributes[name] = value;
    else ignored.push(name);
  }
  const hash = new URLSearchParams(url.hash.replace(/^#\??/, ''));
  const protocols: SizingProtocols = {
    pymId: validPymId(query.get('childId')),
    wpSecret: wpSecretOf(url.hash),
    datawrapperId: validDatawrapperId(query.get('datawrapper-id')),
  };
  for (const [name, raw, valid] of [
    ['childId', query.get('childId'), protocols.pymId],
    ['secret', hash.get('secret'), protocols.wpSecret],
    ['datawrapper-id', query.get('datawrapper-id'), protocols.datawrapperId],
  ] as const) {
    if (raw !== null && !valid) ignored.push(name);
  }
  const origins = parseOrigins(query.get('origins'));
  if (query.has('origins') && origins.length !== (query.get('origins') ?? '').split(',').filter((o) => o.trim()).length) ignored.push('origins');
  return { attributes, protocols, origins, ignored };
}

/**
 * The embed page URL for a view: `page` is embed.html's own address; empty options are left
 * out, so the link stays short.
 */
export function embedUrl(page: string, attributes: EmbedAttributes, origins: readonly string[] = []): string {
  const url = new URL(page);
  url.hash = '';
  url.search = '';
  for (const name of EMBED_ATTRIBUTES) {
    const value = attributes[name];
    if (value) url.searchParams.set(name, value);
  }
  if (origins.length) url.searchParams.set('origins', origins.join(','));
  // `:`, `/` and `,` are allowed in a query as they are: the link stays readable.
  return url.href.replace(/%3A/g, ':').replace(/%2F/g, '/').replace(/%2C/g, ',');
}
