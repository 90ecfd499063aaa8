/**
 * Which event comes first where several share a spot (a place on the map, a crowded stretch
 * of the timeline): the one the reader should see and pick first. The order, documented in
 * the README: the selected event; then events the dataset marks as key (`highlight`); then
 * by kind, in the order of the dataset's kind list (by default meeting, call, statement,
 * proposal, agreement, attack, so a summit outranks a statement made there); then by status
 * (held or reported, then proposed, declined or cancelled, unverified); then the earlier one.
 */
import type { ChronoEvent, Dataset } from './dataset';

const STATUS_RANK: Record<string, number> = { held: 0, reported: 0, proposed: 1, declined: 2, cancelled: 2, unverified: 3 };

/** Negative when `a` is more important than `b`. */
export function compareImportance(dataset: Dataset, selected: string | null, a: ChronoEvent, b: ChronoEvent): number {
  return (
    Number(b.id === selected) - Number(a.id === selected) ||
    Number(!!b.highlight) - Number(!!a.highlight) ||
    (dataset.kindById.get(a.kind)?.index ?? 99) - (dataset.kindById.get(b.kind)?.index ?? 99) ||
    (STATUS_RANK[a.status ?? 'held'] ?? 0) - (STATUS_RANK[b.status ?? 'held'] ?? 0) ||
    a.index - b.index
  );
}

/** The events most important first; a new array. */
export function byImportance(dataset: Dataset, selected: string | null, events: readonly ChronoEvent[]): ChronoEvent[] {
  return [...events].sort((a, b) => compareImportance(dataset, selected, a, b));
}
