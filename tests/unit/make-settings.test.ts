import { describe, expect, it } from 'vitest';
import { applySettings, elementSnippet, fileName, iframeSnippet, settingsOf } from '../../src/make/settings';
import { validateValue } from '../../src/model/validate';
import { dataset } from '../fixtures/datasets';

describe('the "Make your own" settings', () => {
  it('apply a title, description, attribution and opening window that still validate', () => {
    const d = applySettings(dataset(), { title: ' My story ', description: '', attribution: 'Data: ACLED', from: '2025-08-01', to: '2025-08-31' });
    expect(d).toMatchObject({ version: 2, title: 'My story', attribution: 'Data: ACLED', view: { from: '2025-08-01', to: '2025-08-31' } });
    expect('description' in d).toBe(false);
    expect(validateValue(structuredClone(d)).ok).toBe(true);
    expect(settingsOf(d)).toEqual({ title: 'My story', description: '', attribution: 'Data: ACLED', from: '2025-08-01', to: '2025-08-31' });
  });

  it('make a file name and snippets that cannot break out of their attributes', () => {
    expect(fileName('Удари по Харкову, серпень 2025')).toBe('удари-по-харкову-серпень-2025.json');
    expect(fileName('***')).toBe('chronomap-data.json');
    expect(elementSnippet('https://news.example/graphics/make.html', 'a.json')).toBe(
      '<script type="module" src="https://news.example/graphics/chronomap.js"></script>\n<chrono-map src="https://news.example/graphics/data/a.json"></chrono-map>',
    );
    expect(iframeSnippet('https://news.example/make.html', 'a.json', 'A "title" <b>')).toContain('title="A &quot;title&quot; &lt;b>"');
  });
});
