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

/** The translatable fields that hold one text (the others hold lists). */
export type TextField = { [K in keyof Translation]-?: NonNullable<Translation[K]> extends string ? K : never }[keyof Translation];

export function localize<K extends TextField>(
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

export interface LocalizedList {
  items: readonly string[];
  lang: string;
  fallback: boolean;
}

/** A list field (participants, areas, notes) in the reader's language, marked when it fell back. */
export function localizeList(
  record: Translatable & Partial<Record<'participants' | 'areas' | 'notes', readonly string[]>>,
  field: 'participants' | 'areas' | 'notes',
  lang: string,
  primary: string,
): LocalizedList {
  const own = record[field] ?? [];
  if (lang === primary || own.length === 0) return { items: own, lang: primary, fallback: false };
  const translated = record.translations?.[lang]?.[field];
  return translated?.length ? { items: translated, lang, fallback: false } : { items: own, lang: primary, fallback: true };
}
