/** Ids for imported records: slugs of titles and names, made unique within their list. */
import { ID_PATTERN, LIMITS } from '../model/schema';

const SLUG_MAX = 60;

/** "Kyiv: 14 drones, Kharkiv" → "kyiv-14-drones-kharkiv"; accents dropped, other scripts kept out. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.length > SLUG_MAX ? slug.slice(0, SLUG_MAX).replace(/-+[^-]*$/, '') || slug.slice(0, SLUG_MAX) : slug;
}

export function isValidId(id: string): boolean {
  return id.length <= LIMITS.id && ID_PATTERN.test(id);
}

/** Hands out ids no other record in the same list has. */
export class IdRegistry {
  private readonly used = new Set<string>();

  has(id: string): boolean {
    return this.used.has(id);
  }

  /** `wanted` itself when valid and free; otherwise `wanted` (or `fallback`) slugged, then numbered. */
  claim(wanted: string, fallback: string): string {
    if (isValidId(wanted) && !this.used.has(wanted)) {
      this.used.add(wanted);
      return wanted;
    }
    const base = (isValidId(wanted) ? wanted.slice(0, LIMITS.id - 4) : slugify(wanted)) || slugify(fallback) || 'item';
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}
