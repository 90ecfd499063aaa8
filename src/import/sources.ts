/** Sources made from links: a publisher name for the link's host, the link text as the title. */
import { LIMITS, URL_PATTERN, type SourceRecord } from '../model/schema';

/** True for an address the schema accepts as a link: http(s), complete, not too long. */
export function isWebUrl(text: string): boolean {
  return text.length <= LIMITS.url && URL_PATTERN.test(text) && URL.canParse(text);
}

/** Hosts whose publisher is better known by name than by address. */
const PUBLISHERS: Record<string, string> = {
  'apnews.com': 'AP',
  'bbc.co.uk': 'BBC',
  'bbc.com': 'BBC',
  'cnn.com': 'CNN',
  'ft.com': 'Financial Times',
  'kyivindependent.com': 'The Kyiv Independent',
  'lemonde.fr': 'Le Monde',
  'nytimes.com': 'The New York Times',
  'reuters.com': 'Reuters',
  'theguardian.com': 'The Guardian',
  'washingtonpost.com': 'The Washington Post',
  'wikipedia.org': 'Wikipedia',
  'youtube.com': 'YouTube',
  'youtu.be': 'YouTube',
};

/** "https://www.bbc.co.uk/news/…" → "BBC"; an unknown host → the host without "www.". */
export function publisherOf(url: string): string {
  const host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
    const known = PUBLISHERS[h];
    if (known) return known;
  }
  return host;
}

/** A link found in a text: its address and its own words. */
export function sourceFromLink(link: { url: string; text: string }): SourceRecord {
  const title = link.text && link.text !== link.url ? link.text.slice(0, LIMITS.shortText) : undefined;
  return { publisher: publisherOf(link.url), ...(title ? { title } : {}), url: link.url };
}
