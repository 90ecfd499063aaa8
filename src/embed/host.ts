/**
 * chronomap-embed.js, the host page's script (a classic script, built on its own, ≤ 2 kB gzip).
 * Each `<div data-chronomap-src="https://…/embed.html?…">` gets an iframe of the embed page,
 * as tall as the embed says it is (AMP's `embed-size` message, taken only from that iframe's own
 * window and origin, clamped to HEIGHT_RANGE). Reports from the embed are dispatched on the div
 * as DOM events (`chronomap:ready`, `chronomap:select` with `detail.id`, `chronomap:window-change`
 * with `detail.from`/`to`, `chronomap:step-change` with `detail.story`/`step`), and
 * `window.chronomap.embeds` holds one controller per div to send commands with. The embed obeys
 * them only if its URL lists this page's origin in `origins`.
 */
import type { Command, Report } from './api';
import { requestedHeight } from './sizing';

export interface EmbedController {
  element: HTMLElement;
  iframe: HTMLIFrameElement;
  select(id: string | null): void;
  setWindow(from: string, to: string): void;
  goToStep(step: number): void;
}

export interface ChronomapHost {
  embeds: EmbedController[];
  /** Turns divs added since into embeds. */
  scan(): void;
}

declare global {
  interface Window {
    chronomap?: ChronomapHost;
  }
}

interface Embed extends EmbedController {
  origin: string;
  ready: boolean;
  pending: Command[];
}

const DEFAULT_TITLE = 'Timeline and map (Chronomap)';
const INITIAL_HEIGHT = 800;
const MAX_TEXT = 200;

/** A report's fields, checked: a broken or hostile embed page cannot hand the page odd values. */
function reportDetail(data: Report): Record<string, unknown> | null {
  const text = (v: unknown) => v === null || (typeof v === 'string' && v.length <= MAX_TEXT);
  const count = (v: unknown) => v === null || (typeof v === 'number' && Number.isInteger(v));
  switch (data.type) {
    case 'chronomap:ready':
      return {};
    case 'chronomap:select':
      return text(data.id) ? { id: data.id } : null;
    case 'chronomap:window-change':
      return text(data.from) && text(data.to) ? { from: data.from, to: data.to } : null;
    case 'chronomap:step-change':
      return text(data.story) && count(data.step) ? { story: data.story, step: data.step } : null;
    default:
      return null;
  }
}

function start(): ChronomapHost {
  const embeds: Embed[] = [];

  const send = (embed: Embed, command: Command) => {
    if (embed.ready) embed.iframe.contentWindow?.postMessage(command, embed.origin);
    else if (embed.pending.push(command) > 10) embed.pending.shift();
  };

  const create = (element: HTMLElement) => {
    element.setAttribute('data-chronomap-started', '');
    let url: URL;
    try {
      url = new URL(element.getAttribute('data-chronomap-src') ?? '', document.baseURI);
    } catch {
      url = new URL('about:blank');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      console.warn('chronomap-embed.js: data-chronomap-src must be an http(s) address of embed.html', element);
      return;
    }
    const iframe = document.createElement('iframe');
    iframe.src = url.href;
    iframe.title = element.getAttribute('data-chronomap-title') || DEFAULT_TITLE;
    iframe.loading = 'lazy';
    iframe.allow = 'fullscreen';
    iframe.setAttribute('scrolling', 'no');
    iframe.width = '100%';
    iframe.height = String(INITIAL_HEIGHT);
    iframe.style.border = '0';
    iframe.style.display = 'block';
    const embed: Embed = {
      element,
      iframe,
      origin: url.origin,
      ready: false,
      pending: [],
      select: (id) => send(embed, { type: 'chronomap:select', id }),
      setWindow: (from, to) => send(embed, { type: 'chronomap:set-window', from, to }),
      goToStep: (step) => send(embed, { type: 'chronomap:go-to-step', step }),
    };
    // The embed says its height on its own; asking once it has loaded covers a missed message.
    iframe.addEventListener('load', () => iframe.contentWindow?.postMessage({ sentinel: 'amp', type: 'frames-init' }, embed.origin));
    embeds.push(embed);
    element.append(iframe);
  };

  window.addEventListener('message', (e) => {
    const embed = embeds.find((x) => x.iframe.contentWindow === e.source);
    if (!embed || e.origin !== embed.origin) return;
    const height = requestedHeight(e.data);
    if (height !== null) {
      embed.iframe.height = String(height);
      return;
    }
    const detail = typeof e.data === 'object' && e.data !== null ? reportDetail(e.data as Report) : null;
    if (!detail) return;
    const type = (e.data as Report).type;
    if (type === 'chronomap:ready') {
      embed.ready = true;
      for (const command of embed.pending.splice(0)) send(embed, command);
    }
    embed.element.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
  });

  const scan = () => document.querySelectorAll<HTMLElement>('[data-chronomap-src]:not([data-chronomap-started])').forEach(create);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
  return { embeds, scan };
}

// Included twice, the script starts once and looks for new divs.
if (window.chronomap) window.chronomap.scan();
else window.chronomap = start();
