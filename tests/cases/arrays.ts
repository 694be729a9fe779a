export interface Arrays {
  plain: string[];
  generic: Array<number>;
  readonlyGeneric: ReadonlyArray<boolean>;
  readonlyPlain: readonly string[];
  nested: string[][];
  deep: Array<Array<number>>[];
  items: { id: string; qty: number }[];
  boxes: Array<{ label: string; sizes: number[] }>;
  optionalTags?: string[];
  nullableItems: (string | null)[];
}
