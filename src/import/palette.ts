/**
 * Kinds for imported groups: a colour from a palette that keeps AA contrast for graphics
 * (at least 3:1 against the white paper; the dark theme's colour is derived) and a shape,
 * distinct within each lane, so kinds differ without colour too.
 */
import { LIMITS, SHAPES, type KindRecord, type LaneRecord } from '../model/schema';
import { IdRegistry, slugify } from './ids';
import type { Notes } from './types';

/** Ordered so the first few are the most different from one another. */
export const PALETTE = ['#1f5fa8', '#b3261e', '#2e6b2e', '#8a5a00', '#5b4a9e', '#00707a', '#c2410c', '#a0306e', '#4f5b66', '#7a4419'] as const;

export interface GroupKinds {
  kinds: KindRecord[];
  lanes: LaneRecord[];
  /** Kind id of each group label; labels past the kind limit map to the "Other groups" kind. */
  kindOf: Map<string, string>;
  /** Labels that share the "Other groups" kind (kept as tags by the importer). */
  merged: Set<string>;
}

const LANE_SIZE = SHAPES.length;

/**
 * One kind per group, in order of first appearance. Up to 8 groups, each gets its own lane,
 * as TimelineJS gives each group its own labelled row; more groups share lanes of 7 (one
 * of each shape). Past 24 (the schema's limit) the rest share one "Other groups" kind.
 */
export function kindsForGroups(labels: readonly string[], notes: Notes, where: string): GroupKinds {
  const kindOf = new Map<string, string>();
  const merged = new Set<string>();
  let own = [...labels];
  if (own.length > LIMITS.kinds) {
    own = labels.slice(0, LIMITS.kinds - 1);
    for (const l of labels.slice(LIMITS.kinds - 1)) merged.add(l);
    notes.warn(where, `${labels.length} groups are more than the ${LIMITS.kinds} kinds a dataset can have: the last ${merged.size} share the kind "Other groups", and each event keeps its group as a tag`);
    own.push('Other groups');
  }
  const ids = new IdRegistry();
  const kindIds = own.map((label) => ids.claim(slugify(label), 'group'));
  own.forEach((label, i) => kindOf.set(label, kindIds[i]!));
  for (const l of merged) kindOf.set(l, kindIds.at(-1)!);

  const perLane = own.length <= LIMITS.lanes ? 1 : LANE_SIZE;
  const lanes: LaneRecord[] = [];
  const kinds: KindRecord[] = own.map((label, i) => {
    const laneIndex = Math.floor(i / perLane);
    if (!lanes[laneIndex]) {
      const members = own.slice(laneIndex * perLane, (laneIndex + 1) * perLane);
      lanes[laneIndex] = { id: perLane === 1 ? kindIds[i]! : `lane-${laneIndex + 1}`, label: members.length === 1 ? label : `${members[0]} – ${members.at(-1)}`.slice(0, LIMITS.shortText) };
    }
    return { id: kindIds[i]!, label: label.slice(0, LIMITS.shortText), lane: lanes[laneIndex]!.id, color: PALETTE[i % PALETTE.length]!, shape: SHAPES[i % LANE_SIZE]! };
  });
  if (perLane === 1 && own.length > LANE_SIZE) {
    notes.warn(where, `${own.length} groups but ${LANE_SIZE} shapes: "${own[LANE_SIZE]}" has the shape of "${own[0]}" (each in its own lane, and in another colour)`);
  } else if (perLane > 1) {
    notes.warn(where, `${own.length} groups are more than the ${LIMITS.lanes} lanes a timeline can have: they share ${lanes.length} lanes of up to ${LANE_SIZE}, and shapes repeat across lanes (never within one)`);
  }
  return { kinds, lanes, kindOf, merged };
}

/** One kind "Event" in one lane "Events": for files without groups. */
export function singleKind(): { kinds: KindRecord[]; lanes: LaneRecord[] } {
  return { kinds: [{ id: 'event', label: 'Event', lane: 'events', color: PALETTE[0], shape: 'circle' }], lanes: [{ id: 'events', label: 'Events' }] };
}
