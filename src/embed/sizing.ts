/**
 * The height messages an embedded page sends to its host, in the protocols host pages already
 * run, and the host's requests to send them again. Pure: no DOM, no window.
 *
 * - AMP and @newswire/frames: `{sentinel: 'amp', type: 'embed-size', height}`; the host asks with
 *   `{sentinel: 'amp', type: 'frames-init'}`. chronomap-embed.js speaks this one too.
 * - Pym.js: `pymxPYMx<childId>xPYMxheightxPYMx<px>`; the host's `…xPYMxwidthxPYMx<px>` asks again.
 * - WordPress embeds: `{secret, message: 'height', value}`; the host's `{secret, message: 'ready'}` asks.
 * - Datawrapper: `{'datawrapper-height': {<id>: px}}`; its host never asks.
 */

/** Which protocols the embed URL opted into, besides AMP's, which costs a host nothing to ignore. */
export interface SizingProtocols {
  /** Pym.js' `childId` query parameter. */
  pymId: string | null;
  /** WordPress' `secret` from the URL hash (`#?secret=…`). */
  wpSecret: string | null;
  /** Opt-in `datawrapper-id` query parameter. */
  datawrapperId: string | null;
}

export const NO_PROTOCOLS: SizingProtocols = { pymId: null, wpSecret: null, datawrapperId: null };

const PYM = 'xPYMx';

/** A pym childId is the host element's id: kept to id-like text, and never holding the delimiter. */
export function validPymId(value: string | null): string | null {
  return value && /^[A-Za-z0-9_.:-]{1,100}$/.test(value) && !value.includes(PYM) ? value : null;
}

/** WordPress makes 10 alphanumeric characters and rejects anything else in its host script. */
export function validWpSecret(value: string | null): string | null {
  return value && /^[A-Za-z0-9]{1,32}$/.test(value) ? value : null;
}

export function validDatawrapperId(value: string | null): string | null {
  return value && /^[A-Za-z0-9_-]{1,64}$/.test(value) ? value : null;
}

/** Every message that tells a host this height (whole CSS pixels, rounded up). */
export function heightMessages(protocols: SizingProtocols, height: number): unknown[] {
  const px = Math.max(0, Math.ceil(height));
  const messages: unknown[] = [{ sentinel: 'amp', type: 'embed-size', height: px }];
  if (protocols.pymId) messages.push(['pym', protocols.pymId, 'height', String(px)].join(PYM));
  if (protocols.wpSecret) messages.push({ secret: protocols.wpSecret, message: 'height', value: px });
  if (protocols.datawrapperId) messages.push({ 'datawrapper-height': { [protocols.datawrapperId]: px } });
  return messages;
}

const isRecord = (data: unknown): data is Record<string, unknown> => typeof data === 'object' && data !== null && !Array.isArray(data);

/**
 * True when a message from the host asks for the height again: frames' init, a Pym width for our
 * childId, or WordPress' ready for our secret. Nothing else a host sends is acted on.
 */
export function isHeightRequest(protocols: SizingProtocols, data: unknown): boolean {
  if (typeof data === 'string') {
    if (!protocols.pymId || data.length > 200) return false;
    const prefix = ['pym', protocols.pymId, 'width', ''].join(PYM);
    return data.startsWith(prefix) && /^\d{1,6}$/.test(data.slice(prefix.length));
  }
  if (!isRecord(data)) return false;
  if (data.sentinel === 'amp') return data.type === 'frames-init';
  return !!protocols.wpSecret && data.message === 'ready' && data.secret === protocols.wpSecret;
}

/** Heights a host accepts: a hostile or broken page cannot collapse the frame or make it endless. */
export const HEIGHT_RANGE = { min: 150, max: 5000 } as const;

/** The height an AMP `embed-size` message asks for, clamped; null for any other message. */
export function requestedHeight(data: unknown): number | null {
  if (!isRecord(data) || data.sentinel !== 'amp' || data.type !== 'embed-size') return null;
  const height = typeof data.height === 'number' ? data.height : typeof data.height === 'string' && /^\d{1,6}$/.test(data.height) ? Number(data.height) : NaN;
  if (!Number.isFinite(height)) return null;
  return Math.min(HEIGHT_RANGE.max, Math.max(HEIGHT_RANGE.min, Math.round(height)));
}
