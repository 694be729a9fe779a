// An interface may redeclare an inherited field with a narrower type; the
// field keeps its place.

export enum Events {
  Shipped = "shipped",
  Cancelled = "cancelled",
}

export interface BaseEvent {
  type: string;
  id: string;
  reason?: string;
}

export interface Opened extends BaseEvent {
  type: "opened";
  owner: string;
}

export interface Closed extends BaseEvent {
  type: "closed";
  reason: string;
}

export interface Order {
  type: Events;
  id: string;
  size: "s" | "m" | "l";
}

export interface Shipped extends Order {
  type: Events.Shipped;
  size: "s" | "m";
}

export interface Cancelled extends Order {
  type: Events.Cancelled;
}

// A narrowing chain: each level narrows again.
export interface Level1 {
  kind: string | null;
  code?: number;
}

export interface Level2 extends Level1 {
  kind: string;
}

export interface Level3 extends Level2 {
  kind: "three";
  code: 3;
}
