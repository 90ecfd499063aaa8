/**
 * Trusted Types for the project's own script URLs. Under `require-trusted-types-for 'script'`,
 * `new Worker(url)` takes only a TrustedScriptURL, but MapLibre keeps its worker URL as a string
 * (it calls string methods on it) and hands that string to `new Worker()`. So the page's
 * `default` policy, which the browser consults for plain strings at such sinks, turns exactly the
 * URLs registered here, of this page's own origin, into script URLs and refuses every other
 * string. It makes no HTML and no scripts. A page that already has a default policy keeps it.
 * Hosts that list policies allow this one with `trusted-types lit-html default`.
 */

interface TrustedTypePolicyFactoryLike {
  readonly defaultPolicy: unknown;
  createPolicy(name: string, rules: { createScriptURL: (value: string) => string | null }): unknown;
}

const trusted = new Set<string>();
let policyTried = false;

function absolute(url: string): URL | null {
  try {
    return new URL(url, document.baseURI);
  } catch {
    return null;
  }
}

/** Lets `url`, if it is of this page's origin, be loaded as a worker or script under Trusted Types. */
export function trustScriptUrl(url: string): void {
  const resolved = absolute(url);
  if (!resolved || resolved.origin !== location.origin) return;
  trusted.add(resolved.href);
  const factory = (globalThis as { trustedTypes?: TrustedTypePolicyFactoryLike }).trustedTypes;
  if (policyTried || !factory || factory.defaultPolicy) return;
  policyTried = true;
  try {
    factory.createPolicy('default', { createScriptURL: (value) => (trusted.has(absolute(value)?.href ?? '') ? value : null) });
  } catch {
    // The page's `trusted-types` list leaves out `default`: its own rules decide, and the map
    // falls back to its SVG drawing if the worker cannot start.
  }
}
