/**
 * A failure in one view must not blank the others: if drawing a view throws, it shows a short
 * message in its own place, tells the root (which still becomes ready, the other views being
 * usable), and tries again on its next change.
 */
import { html, render, type LitElement } from 'lit';
import { ViewErrorEvent } from './events';

/** Runs a view's Lit update; on an exception, draws `message` instead and reports the error. */
export function guardedUpdate(view: LitElement, name: 'timeline' | 'map' | 'details' | 'table', message: string, update: () => void): void {
  try {
    update();
  } catch (error) {
    console.error(error);
    render(html`<p class="view-error" role="alert">${message}</p>`, view.renderRoot as HTMLElement, { host: view });
    view.dispatchEvent(new ViewErrorEvent(name, String(error)));
  }
}
