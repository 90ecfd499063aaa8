import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Tracks an element's content width; observes on connect and stops on disconnect. */
export class WidthController implements ReactiveController {
  width = 0;
  private observer?: ResizeObserver;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly target: () => Element | null = () => host,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => {
      const width = Math.round(entries[0]?.contentRect.width ?? 0);
      if (width !== this.width) {
        this.width = width;
        this.host.requestUpdate();
      }
    });
    // The target may be rendered later than connect; observe after the first update.
    void this.host.updateComplete.then(() => {
      const el = this.target();
      if (el) this.observer?.observe(el);
    });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
