/**
 * The validator off the main thread: a large file (tens of MB) is decoded, parsed and checked
 * here, so the page keeps answering input while it loads. The bytes arrive transferred, not
 * copied; the typed dataset goes back by structured clone.
 */
import { validateJson } from '../model/validate';

self.onmessage = (event: MessageEvent<ArrayBuffer>) => {
  const text = new TextDecoder().decode(event.data);
  self.postMessage(validateJson(text));
};
