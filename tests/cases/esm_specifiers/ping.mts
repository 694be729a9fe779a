import { Kind } from "./kind.js";

export interface Ping {
  type: Kind.Pinged;
  seq: number;
}
