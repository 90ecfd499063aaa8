/**
 * How a validated dataset crosses from the validator's worker to the page: in parts. One
 * structured clone of 100,000 events or more takes the main thread a few hundred ms to read,
 * in one task, so the page could not answer a key or a click while a large file arrived. Sent
 * as a head (everything but the events and places) and slices of a few thousand events and
 * places, each message is read in a few ms and input is handled between them. The lookup maps
 * are rebuilt on this side from the same objects, as the clone would have kept them.
 */
import type { ChronoEvent, Dataset } from '../model/dataset';
import type { PlaceRecord } from '../model/schema';
import type { Validation } from '../model/validate';

/** Events or places per message: a message of this many is read in well under a frame. */
export const TRANSFER_SLICE = 1_000;

type Head = Omit<Dataset, 'events' | 'places' | 'eventById' | 'placeById' | 'kindById'>;
type Accepted = Extract<Validation, { ok: true }>;

export type TransferMessage =
  | { type: 'rejected'; validation: Exclude<Validation, { ok: true }> }
  | { type: 'head'; head: Head; warnings: Accepted['warnings']; omittedWarnings: number; events: number; places: number }
  | { type: 'events'; events: ChronoEvent[] }
  | { type: 'places'; places: PlaceRecord[] };

/** The messages that carry this validation, in the order they must be read. */
export function* transferMessages(validation: Validation, slice = TRANSFER_SLICE): Generator<TransferMessage> {
  if (!validation.ok) {
    yield { type: 'rejected', validation };
    return;
  }
  const { events, places, eventById: _events, placeById: _places, kindById: _kinds, ...head } = validation.dataset;
  yield { type: 'head', head, warnings: validation.warnings, omittedWarnings: validation.omittedWarnings, events: events.length, places: places.length };
  for (let i = 0; i < events.length; i += slice) yield { type: 'events', events: events.slice(i, i + slice) };
  for (let i = 0; i < places.length; i += slice) yield { type: 'places', places: places.slice(i, i + slice) };
}

/** Puts the messages back together; `add` returns the validation once the last part is in. */
export class TransferAssembly {
  private head: Extract<TransferMessage, { type: 'head' }> | null = null;
  private readonly events: ChronoEvent[] = [];
  private readonly places: PlaceRecord[] = [];
  private readonly eventById = new Map<string, ChronoEvent>();
  private readonly placeById = new Map<string, PlaceRecord>();

  add(message: TransferMessage): Validation | null {
    switch (message.type) {
      case 'rejected':
        return message.validation;
      case 'head':
        this.head = message;
        break;
      case 'events':
        for (const e of message.events) {
          this.events.push(e);
          this.eventById.set(e.id, e);
        }
        break;
      case 'places':
        for (const p of message.places) {
          this.places.push(p);
          this.placeById.set(p.id, p);
        }
        break;
    }
    const head = this.head;
    if (!head || this.events.length < head.events || this.places.length < head.places) return null;
    const dataset: Dataset = {
      ...head.head,
      events: this.events,
      places: this.places,
      eventById: this.eventById,
      placeById: this.placeById,
      kindById: new Map(head.head.kinds.map((k) => [k.id, k])),
    };
    return { ok: true, dataset, warnings: head.warnings, omittedWarnings: head.omittedWarnings };
  }
}
