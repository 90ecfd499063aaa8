/**
 * Plain text from a dataset made readable: paragraphs at blank lines, and web addresses turned
 * into links. Only http(s) addresses become links; anything else (a `javascript:` string, a
 * bare `www.`) stays text. Never markup: the parts are rendered by Lit as text and attributes.
 */
import { isWebUrl } from './safe-url';

export interface TextPart {
  text: string;
  /** Set when the part is a web address to link. */
  href?: string;
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/gi;
/** Punctuation that ends a sentence after an address rather than belonging to it. */
const TRAILING = /[.,;:!?)\]»”’'"]+$/;

export function paragraphs(text: string): TextPart[][] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map(linkify);
}

export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    let url = match[0];
    const trailing = TRAILING.exec(url)?.[0] ?? '';
    if (trailing) url = url.slice(0, -trailing.length);
    const at = match.index;
    if (!isWebUrl(url)) continue;
    if (at > last) parts.push({ text: text.slice(last, at) });
    parts.push({ text: url, href: url });
    last = at + url.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
