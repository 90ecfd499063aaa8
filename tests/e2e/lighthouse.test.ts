import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { describe, expect, inject, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../../vite.config';

describe('Lighthouse (mobile) on the built page', () => {
  it('scores 100 for accessibility and for best practices', async () => {
    const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
    try {
      const result = await lighthouse(inject('baseUrl'), {
        port: chrome.port,
        onlyCategories: ['accessibility', 'best-practices'],
        formFactor: 'mobile',
        screenEmulation: { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false },
        throttlingMethod: 'provided',
        logLevel: 'error',
      });
      const lhr = result!.lhr;
      const failing = Object.values(lhr.categories).flatMap((c) =>
        c.auditRefs.filter((r) => r.weight > 0 && (lhr.audits[r.id]?.score ?? 1) < 1).map((r) => `${c.id}: ${r.id}`),
      );
      expect(failing).toEqual([]);
      expect([lhr.categories.accessibility?.score, lhr.categories['best-practices']?.score]).toEqual([1, 1]);
    } finally {
      await chrome.kill();
    }
  }, 120_000);
});
