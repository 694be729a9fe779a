export enum Kind {
  A = "a",
  B = "b",
}

/** Fixed-length tuples: arrays in Go when every element has one type, else structs. */
export interface Opened {
  position: [number, number];
  range: [start: string, end: string];
  entry: [string, number, boolean | null];
  labelled: [name: string, count: number];
  kinds: readonly [Kind, Kind];
  pairs: [string, number][];
  byName: Record<string, [number, string]>;
  nested: [[number, number], string];
  maybe?: [string, number];
  nullable: [number, number] | null;
  withObject: [{ id: string }, number];
}

/** A tuple alias is a struct of its own in Go. */
export type Pair = [string, number];

export interface UsesPair {
  pair: Pair;
  pairs: Pair[];
}
