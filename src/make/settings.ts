/**
 * The settings the "Make your own" page lets a person change, applied to an imported dataset,
 * and what they publish with: the file name and the embed snippets. Pure.
 */
import type { DatasetRecord } from '../model/schema';
import type { DraftSettings } from './draft';

/** The dataset with the person's title, description, attribution and opening window. */
export function applySettings(dataset: DatasetRecord, settings: DraftSettings): DatasetRecord {
  const out: DatasetRecord = { ...dataset, version: 2 };
  const set = (key: 'title' | 'description' | 'attribution', value: string) => {
    const text = value.trim();
    if (text) out[key] = text;
    else if (key !== 'title') delete out[key];
  };
  set('title', settings.title);
  set('description', settings.description);
  set('attribution', settings.attribution);
  if (settings.from && settings.to) out.view = { from: settings.from, to: settings.to };
  else delete out.view;
  return out;
}

/** The settings an imported dataset starts with: its own title, description, attribution, view. */
export function settingsOf(dataset: DatasetRecord): DraftSettings {
  return {
    title: dataset.title,
    description: dataset.description ?? '',
    attribution: dataset.attribution ?? '',
    from: dataset.view?.from.slice(0, 10) ?? '',
    to: dataset.view?.to.slice(0, 10) ?? '',
  };
}

/** A file name for the dataset from its title: "Strikes in August 2025" → "strikes-in-august-2025.json". */
export function fileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'chronomap-data'}.json`;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The markup to paste into an article: the element's script and the element, with the dataset
 * beside the built site's own (`base` is where the site is published).
 */
export function elementSnippet(base: string, file: string): string {
  const root = new URL('.', base).href;
  return `<script type="module" src="${escapeAttribute(new URL('chronomap.js', root).href)}"></script>\n<chrono-map src="${escapeAttribute(new URL(`data/${file}`, root).href)}"></chrono-map>`;
}

/** The same as an iframe of the embed page, for CMSs that take only iframes. */
export function iframeSnippet(base: string, file: string, title: string): string {
  const root = new URL('.', base).href;
  const src = new URL('embed.html', root);
  src.searchParams.set('src', `data/${file}`);
  return `<iframe src="${escapeAttribute(src.href)}" title="${escapeAttribute(title)}" width="100%" height="900" loading="lazy" style="border:0" allow="fullscreen"></iframe>`;
}
