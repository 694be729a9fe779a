interface Hidden {
  secret: string;
}

enum Internal {
  A = "a",
  B = "b",
}

type Local = { n: number };

export interface Visible {
  readonly id: string;
  readonly hidden: Hidden;
  readonly tags: readonly string[];
  internal: Internal;
  local: Local;
}
