/**
 * Validates a fetched file: on the main thread when it is small (a worker costs more to start
 * than a small file takes), in a worker when it is large; on the main thread again if a worker
 * cannot start (a page opened from a file, an old browser).
 */
import type { Validation } from '../model/validate';
import { trustScriptUrl } from '../security/trusted-types';
import { TransferAssembly, type TransferMessage } from './dataset-transfer';
import workerUrl from './validate-worker.ts?worker&url';

/** Files larger than this are validated in a worker. */
export const WORKER_BYTES = 2_000_000;

export async function validateBytes(bytes: Uint8Array): Promise<Validation> {
  if (bytes.byteLength >= WORKER_BYTES && typeof Worker !== 'undefined') {
    try {
      return await inWorker(bytes);
    } catch {
      // Fall through: validated here instead.
    }
  }
  // Loaded only here: a large file's page never needs the validator on its own thread.
  const { validateJson } = await import('../model/validate');
  return validateJson(new TextDecoder().decode(bytes));
}

function inWorker(bytes: Uint8Array): Promise<Validation> {
  return new Promise((resolve, reject) => {
    // A worker's script is a sink under Trusted Types: vouch for this one, of our own origin.
    trustScriptUrl(new URL(workerUrl, location.href).href);
    const worker = new Worker(workerUrl, { type: 'module' });
    const assembly = new TransferAssembly();
    worker.onmessage = (event: MessageEvent<TransferMessage>) => {
      const validation = assembly.add(event.data);
      if (!validation) return;
      worker.terminate();
      resolve(validation);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error(event.message || 'the validator worker failed'));
    };
    const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
    worker.postMessage(buffer, [buffer as ArrayBuffer]);
  });
}
