export enum Kind {
  Created = "created",
  Deleted = "deleted",
  Weird = "we ird\u00e9",
}

export enum Code {
  Ok = 200,
  NotFound = 404,
}

/** Keys as JavaScript reads them: computed, numeric and escaped property names. */
export interface Counters {
  [Kind.Created]: number;
  [Kind.Deleted]?: number;
  [Kind.Weird]: string;
  [Code.NotFound]: boolean;
  ["quoted"]: string;
  [42]: string;
  0x10: string;
  1e3: number;
  1.50: string;
  "\u0061bc": string;
  \u0062cd: string;
}
