/** Scalars, any/unknown, and null/undefined in unions. */
export interface Scalars {
  name: string;
  /** Any JSON number; integers stay integers. */
  count: number;
  ratio: number;
  active: boolean;
  payload: any;
  extra: unknown;
  note: string | null;
  maybe: number | undefined;
  either: string | number;
  flag: boolean | null | undefined;
}
