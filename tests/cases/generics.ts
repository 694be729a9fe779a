// Generic templates render nothing themselves; each instantiation does.

export enum Kinds {
  Opened = "opened",
  Closed = "closed",
}

/** An event envelope: one per event type. */
export interface Event<T extends string, D = Record<string, never>> {
  type: T;
  data: D;
  occurredAt: number;
}

// An instantiation as a declaration is that declaration.
export type Deposited = Event<"Deposited", { accountId: string; amount: number }>;

// An interface extending an instantiation gets its fields, then its own.
export interface Withdrawn extends Event<"Withdrawn", { accountId: string; amount: number }> {
  version: 2;
}

// Defaults apply.
export type Pinged = Event<"Pinged">;

export interface Envelope<M> {
  id: string;
  message: M;
}

// An instantiation in a field is hoisted as <Template><Args>, rendered once.
export interface Batch {
  first: Envelope<Deposited>;
  rest: Envelope<Deposited>[];
  audit?: Envelope<Withdrawn>;
}

export interface Tagged<T, V = string> {
  tag: T;
  value: V;
}

// Argument names: a literal's PascalCase value, a number, an enum member, a
// primitive's capitalised name, an array, an inline object named by its position.
export interface Labels {
  low: Tagged<"low-priority">;
  one: Tagged<1>;
  opened: Tagged<Kinds.Opened, number>;
  text: Tagged<string, boolean>;
  many: Tagged<number[]>;
  shape: Tagged<{ x: number; y: number }>;
}

// A template that refers to itself through a field.
export interface Tree<T> {
  value: T;
  children: Tree<T>[];
}

export interface Forest {
  trees: Tree<string>[];
}

// A generic alias of an object type, and one that is not an object.
export type Page<I> = { items: I[]; next: string | null };
export type Maybe<T> = T | null;

export interface Listing {
  page: Page<Deposited>;
  cursor: Maybe<string>;
}

// Never instantiated: renders nothing (a note says so).
export interface Unused<T> {
  t: T;
}
