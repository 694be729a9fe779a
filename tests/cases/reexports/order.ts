import type Money from "./money";

export enum Status {
  Open = "open",
  Closed = "closed",
}

export interface Order {
  id: string;
  status: Status;
  total: Money;
}
