export type Labels = Record<string, string>;

export interface Counts {
  [key: string]: number;
}

export interface Maps {
  labels: Labels;
  counts: Counts;
  record: Record<string, boolean>;
  index: { [name: string]: string[] };
  nested: Record<string, Record<string, number>>;
  objects: Record<string, { x: number; y: number }>;
  optional?: Record<string, string>;
}
