/**
 * Links as a printed page can show them: the host without `www.` and as much of the path as
 * fits, cut between segments or words where it can be and marked with an ellipsis. Never the query.
 */
export function shortLink(url: string, max = 42): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.length > max ? `${url.slice(0, max - 1)}…` : url;
  }
  const host = parsed.host.replace(/^www\./, '');
  let path = decodePath(parsed.pathname).replace(/\/+$/, '');
  if (!path) return host;
  const full = host + path;
  if (full.length <= max) return full;
  const room = max - host.length - 1;
  if (room < 4) return `${host}/…`;
  path = path.slice(0, room);
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('-'), path.lastIndexOf('_'));
  // A cut between segments or words reads better, unless it would leave little of the path.
  if (cut > room / 2) path = path.slice(0, cut + 1);
  return `${host}${path}…`;
}

/** Percent-escapes of non-ASCII paths (Cyrillic slugs) shown as the letters they stand for. */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
