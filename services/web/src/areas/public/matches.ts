import type { DeputyFinderAnswer } from '../../../../../contracts/receptions';

export type FoundPlace = DeputyFinderAnswer['places'][number];
export type FoundDeputy = DeputyFinderAnswer['deputies'][number];

/** One line of the finder's list: a place or a deputy whose name matched. */
export type Match = { kind: 'place'; key: string; place: FoundPlace } | { kind: 'deputy'; key: string; deputy: FoundDeputy };

/** Places first (what most people type), then deputies by name. */
export function matchesOf(answer: DeputyFinderAnswer): Match[] {
  return [
    ...answer.places.map((place) => ({ kind: 'place' as const, key: `place:${place.code}`, place })),
    ...answer.deputies.map((deputy) => ({ kind: 'deputy' as const, key: `deputy:${deputy.id}`, deputy })),
  ];
}

/** The areas above a place, widest first, joined as a person reads them: 水城区 › 蟠龙镇. */
export function chainText(place: FoundPlace): string {
  return place.chain.map((area) => area.name).join(' › ');
}
