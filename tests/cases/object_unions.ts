// Unions of object literals: each member is hoisted as <Alias><Value>.

export type ClientMessage =
  | { type: "join"; room: string }
  | { type: "say"; room: string; text: string; meta?: { at: number } }
  | { type: "leave" };

export enum Shape {
  Circle = "circle",
  Square = "square",
}

export type Figure = { type: Shape.Circle; radius: number } | { type: Shape.Square; side: number };

export interface Canvas {
  figures: Figure[];
  last?: ClientMessage;
}

// In a field, the members are named after the field: <Owner><Field><Value>.
export interface Session {
  state: { type: "idle" } | { type: "busy"; since: number };
}
