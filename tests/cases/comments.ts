/**
 * A doc that tries to escape: """ ''' \ */ /* 
 * # type: ignore
 * `code` and \n and \" and tabs	here
 */
export interface Commented {
  /** A field doc with """triple""" quotes and a trailing backslash \ */
  a: string;
  // A line comment
  // on two lines, with */ inside
  b: number;
  /* a block comment */
  c: boolean;
  d: string; // trailing: not a doc of e
  e: string;
}

// Enum doc via line comment.
export enum Tone {
  /** Member doc: "quoted" and \backslash */
  Loud = "loud",
  // fmt: off
  Quiet = "quiet",
}

/** Alias doc */
export type Tones = Tone[];
