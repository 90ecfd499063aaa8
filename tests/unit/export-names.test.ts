import { describe, expect, it } from 'vitest';
import { exportFileName, slug } from '../../src/export/file-name';
import { shortLink } from '../../src/export/short-link';

describe('exportFileName', () => {
  const day = new Date(2025, 7, 18, 23, 30);

  it('names the file after the dataset, what it holds and the day it was made', () => {
    expect(exportFileName('Talks and strikes: the August 2025 Ukraine diplomacy', 'events', day, 'csv')).toBe('talks-and-strikes-the-august-2025-ukraine-diplomacy-events-2025-08-18.csv');
    expect(exportFileName('Talks', null, day, 'png')).toBe('talks-2025-08-18.png');
  });

  it('keeps Cyrillic letters, and cuts long titles at a word', () => {
    expect(slug('Переговори й удари: серпень 2025')).toBe('переговори-й-удари-серпень-2025');
    const long = slug('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long.endsWith('word')).toBe(true);
  });

  it('falls back to "chronomap" for a title with no letters or digits', () => {
    expect(slug('—?!')).toBe('chronomap');
  });
});

describe('shortLink', () => {
  it('drops the scheme, www, the query and a trailing slash', () => {
    expect(shortLink('https://www.example.org/news/?utm_source=x')).toBe('example.org/news');
    expect(shortLink('https://example.org/')).toBe('example.org');
  });

  it('cuts a long path between words, with an ellipsis, within the limit', () => {
    const link = shortLink('https://www.themoscowtimes.com/2025/08/13/trump-putin-summit-to-take-place-on-us-military-base-a90202');
    expect(link).toBe('themoscowtimes.com/2025/08/13/trump-…');
    expect(link.length).toBeLessThanOrEqual(42);
  });

  it('shows a Cyrillic path as letters, not percent escapes', () => {
    expect(shortLink('https://uk.wikipedia.org/wiki/%D0%9A%D0%B8%D1%97%D0%B2')).toBe('uk.wikipedia.org/wiki/Київ');
  });
});
