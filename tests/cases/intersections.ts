// Intersections of object types: fields in order, a repeated key keeps its
// place and takes the narrower type.

export enum Events {
  Created = "created",
  Deleted = "deleted",
}

export interface Meta {
  id: string;
  at: number;
}

export interface Kind {
  type: Events;
  note?: string;
}

export type Created = Meta & Kind & { type: Events.Created; note: string; by: string };

export type Deleted = Meta & { type: Events.Deleted };

export interface Owner {
  owner: Meta & { name: string };
}
