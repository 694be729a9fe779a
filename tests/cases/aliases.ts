export enum Commands {
  Create = "Create",
  Delete = "Delete",
}

export enum Events {
  Created = "Created",
  Deleted = "Deleted",
}

/** Any command or event name. */
export type EventTypes = Commands | Events;

export type Id = string;
export type Ids = Id[];
export type Score = number;
export type Flag = boolean | null;

/** An object type declared as an alias. */
export type Point = {
  x: number;
  y: number;
};

export type MaybePoint = { x: number } | null;

export type Points = Point[];
export type Lookup = Record<string, Point>;

export interface UsesAliases {
  type: EventTypes;
  id: Id;
  ids: Ids;
  score: Score;
  flag: Flag;
  point: Point;
  maybe: MaybePoint;
  points: Points;
  lookup: Lookup;
  names?: EventTypes[];
}
