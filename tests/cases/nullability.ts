/** The three ways a value may be missing (SPEC: T | null, x?: T, x?: T | null). */
export interface Nullability {
  /** The key is required; its value may be null. */
  required: string | null;
  /** The key may be absent; null is not written. */
  optional?: string;
  /** Absent and null read the same, and are written absent. */
  both?: string | null;
  count: number | null;
  tags: string[] | null;
  labels?: Record<string, string> | null;
}
