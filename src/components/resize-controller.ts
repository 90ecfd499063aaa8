import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tracks an element's content size (the host's, or a rendered target's); observes on connect
 * and stops on disconnect. The update runs in the next frame, not inside the observer's
 * callback: redrawing there (the map's Natural Earth paths, say) forces layout mid-delivery,
 * which the page's other observers report as "ResizeObserver loop completed with undelivered
 * notifications".
 */
export class SizeController implements ReactiveController {
  width = 0;
  height = 0;
  /** False until the first observation, so a size of zero can be told from one not known yet. */
  measured = false;
  private observer?: ResizeObserver;
  private frame = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly target: () => Element | null = () => host,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver(([entry]) => {
      const width = Math.round(entry?.contentRect.width ?? 0);
      const height = Math.round(entry?.contentRect.height ?? 0);
      if (this.measured && width === this.width && height === this.height) return;
      this.measured = true;
      this.width = width;
      this.height = height;
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => this.host.requestUpdate());
    });
    // The target may render later than connect; observe once the host has updated.
    void this.host.updateComplete.then(() => {
      const el = this.target();
      if (el) this.observer?.observe(el);
    });
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
