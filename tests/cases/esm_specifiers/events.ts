import { Kind } from "./kind.js";

export interface Opened {
  type: Kind.Opened;
  at: number;
}
