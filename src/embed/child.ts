/**
 * embed.html's script: <chrono-map> with the options of this page's URL, and, when framed, its
 * height and state told to the host page, and the host's commands obeyed. The element itself
 * knows nothing of frames; everything here goes through its public attributes, methods and
 * events. It never reads the parent's URL.
 */
import '../components/chrono-map';
import type { ChronoSelectEvent, ChronoStepChangeEvent, ChronoWindowChangeEvent } from '../components/events';
import { mayCommand, parseCommand, reportTarget, type Command, type Report } from './api';
import { parseEmbedOptions, wpSecretOf, type EmbedOptions } from './options';
import { heightMessages, isHeightRequest } from './sizing';

/** Commands sent before the data has loaded wait for it; a flood of them is cut short. */
const MAX_PENDING = 10;

const options = parseEmbedOptions(location.href);
if (options.ignored.length) console.warn(`Chronomap embed: ignored invalid URL parameters: ${options.ignored.join(', ')}`);

const element = document.createElement('chrono-map');
for (const [name, value] of Object.entries(options.attributes)) element.setAttribute(name, value);
// In a frame, history entries would land in the host page's Back button.
element.setAttribute('url-state', 'none');
if (options.attributes.lang) document.documentElement.lang = options.attributes.lang;
document.querySelector('main')!.append(element);

if (window.parent !== window) {
  startSizing(options);
  startApi(options, element);
}

function startSizing(options: EmbedOptions): void {
  let { protocols } = options;
  let sent = -1;
  const send = (again: boolean) => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === sent && !again) return;
    sent = height;
    for (const message of heightMessages(protocols, height)) window.parent.postMessage(message, '*');
  };
  new ResizeObserver(() => send(false)).observe(document.documentElement);
  window.addEventListener('load', () => send(true));
  window.addEventListener('message', (e) => {
    if (e.source === window.parent && isHeightRequest(protocols, e.data)) send(true);
  });
  // WordPress adds its secret to the frame's URL hash, sometimes once the page has loaded.
  window.addEventListener('hashchange', () => {
    const wpSecret = wpSecretOf(location.hash);
    if (!wpSecret || wpSecret === protocols.wpSecret) return;
    protocols = { ...protocols, wpSecret };
    send(true);
  });
}

function startApi({ origins }: EmbedOptions, map: HTMLElementTagNameMap['chrono-map']): void {
  const target = reportTarget(origins);
  const report = (message: Report) => window.parent.postMessage(message, target);
  let pending: Command[] = [];

  const obey = (command: Command) => {
    if (command.type === 'chronomap:select') map.select(command.id);
    else if (command.type === 'chronomap:set-window') map.setWindow(command.from, command.to);
    else map.goToStep(command.step);
  };

  map.addEventListener('cm-ready', () => {
    const dataset = map.state.dataset;
    if (dataset) document.title = dataset.translations?.[map.language]?.title ?? dataset.title;
    report({ type: 'chronomap:ready' });
    for (const command of pending) obey(command);
    pending = [];
  });
  map.addEventListener('cm-select', (e: ChronoSelectEvent) => report({ type: 'chronomap:select', id: e.id }));
  map.addEventListener('cm-window-change', (e: ChronoWindowChangeEvent) => report({ type: 'chronomap:window-change', from: e.from, to: e.to }));
  map.addEventListener('cm-step-change', (e: ChronoStepChangeEvent) => report({ type: 'chronomap:step-change', story: e.story, step: e.step }));

  window.addEventListener('message', (e) => {
    if (!mayCommand(origins, e.origin, e.source === window.parent)) return;
    const command = parseCommand(e.data);
    if (!command) return;
    if (map.status === 'ready') obey(command);
    else if (pending.length < MAX_PENDING) pending.push(command);
  });
}
