/**
 * The validator off the main thread: a large file (tens of MB) is decoded, parsed and checked
 * here, so the page keeps answering input while it loads. The bytes arrive transferred, not
 * copied; the typed dataset goes back in parts (./dataset-transfer.ts).
 */
import { validateJson } from '../model/validate';
import { transferMessages } from './dataset-transfer';

self.onmessage = (event: MessageEvent<ArrayBuffer>) => {
  const text = new TextDecoder().decode(event.data);
  for (const message of transferMessages(validateJson(text))) self.postMessage(message);
};
