/** String values. */
export enum Color {
  Red = "red",
  /** The default. */
  Green = "green",
}

export enum Level {
  Low = 1,
  High = 10,
  Negative = -3,
}

export enum Implicit {
  Zero,
  One,
  Two,
}

export enum Start {
  A = 5,
  B,
  C,
}

export enum Single {
  Only = "only",
}

export enum Quoted {
  'two words' = "two words",
  "kebab-case" = "kebab",
  plain = "plain",
}

// Values that must stay inside their string literals in every language.
export enum Hostile {
  Quote = "say \"hi\"",
  Single = "it's",
  Backslash = "C:\\path\\",
  Triple = '"""',
  CommentEnd = "*/ /* //",
  Newline = "line1\nline2",
  Unicode = "héllo → 世界 🎉",
  Tab = "a\tb",
}

export interface Enums {
  color: Color;
  level: Level;
  implicit: Implicit;
  start: Start;
  single: Single;
  quoted: Quoted;
  hostile: Hostile;
  colors?: Color[];
  byName: Record<string, Level>;
  maybeLevel: Level | null;
}
