// Types derived from other types and from constants.

export const ADD_TODO = "ADD_TODO";

export interface AddTodo {
  type: typeof ADD_TODO;
  text: string;
}

export const Status = { Open: "open", Closed: "closed" } as const;
export type Status = (typeof Status)[keyof typeof Status];

export const KINDS = ["small", "large"] as const;
export type Kind = (typeof KINDS)[number];

export const DEFAULTS = { retries: 3, mode: "fast", nested: { on: true } };

export interface Account {
  id: string;
  name: string;
  email?: string;
  tags: string[];
}

export type AccountKey = keyof Account;

export type Action =
  | { type: "add"; text: string }
  | { type: "remove"; id: number };

export type ActionType = Action["type"];

export interface Report {
  status: Status;
  key: AccountKey;
  name: Account["name"];
  email: Account["email"];
  tag: Account["tags"][number];
  defaults: typeof DEFAULTS;
  action: ActionType;
  kind: Kind;
}
