/**
 * Text from the dataset in the reader's language. A record's own fields are its primary
 * language (the dataset's first language); translations sit under `translations[lang]`. When a
 * translation is missing the primary text is used and marked, so the interface can say so.
 */
import type { Translation } from '../model/schema';

export interface Localized {
  text: string;
  /** Language of `text`; differs from the one asked for when it fell back. */
  lang: string;
  fallback: boolean;
}

type Translatable = { translations?: Record<string, Translation> | undefined };

export function localize<K extends keyof Translation>(
  record: Translatable & Partial<Record<K, string>>,
  field: K,
  lang: string,
  primary: string,
): Localized {
  const own = record[field] ?? '';
  if (lang === primary) return { text: own, lang: primary, fallback: false };
  const translated = record.translations?.[lang]?.[field];
  return translated ? { text: translated, lang, fallback: false } : { text: own, lang: primary, fallback: true };
}
