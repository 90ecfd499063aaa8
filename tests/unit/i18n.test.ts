import { describe, expect, it } from 'vitest';
import { eventCount, problemCount, t, uiLanguage } from '../../src/i18n/messages';

describe('interface language', () => {
  it('uses the plural forms of each language', () => {
    expect([1, 4, 21].map((n) => eventCount('en', n))).toEqual(['1 event', '4 events', '21 events']);
    expect([1, 3, 5, 21, 1000].map((n) => eventCount('uk', n))).toEqual(['1 подія', '3 події', '5 подій', '21 подія', '1\u00a0000 подій']);
    expect(problemCount('uk', 2)).toBe('2 проблеми');
  });

  it('picks Ukrainian for uk and uk-UA, and English for anything it does not have', () => {
    expect(['uk', 'uk-UA', 'UK', 'en-US', 'de', '', null].map(uiLanguage)).toEqual(['uk', 'uk', 'uk', 'en', 'en', 'en', 'en']);
  });

  it('fills parameters into messages', () => {
    expect(t('en', 'countOf', { shown: 12, total: 53 })).toBe('12 of 53 events');
    expect(t('uk', 'countOf', { shown: 12, total: 53 })).toBe('12 з 53 подій');
  });
});
