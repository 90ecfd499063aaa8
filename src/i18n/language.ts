/** The interface languages, and which one a requested language tag gets. */

export const UI_LANGUAGES = ['en', 'uk'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** The interface language for a requested tag: its primary subtag if we have it, else English. */
export function uiLanguage(tag: string | null | undefined): UiLanguage {
  const primary = (tag ?? '').toLowerCase().split('-')[0];
  return (UI_LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as UiLanguage) : 'en';
}
