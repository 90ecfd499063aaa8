/** True only for absolute http(s) URLs: anything else from a dataset is never made a link. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The host of a web address, for saying where a link leads; empty when it is not one. */
export function hostOf(value: string): string {
  try {
    return new URL(value).host;
  } catch {
    return '';
  }
}
