/** Dates travel as the text `Date.toJSON()` writes. */
export interface Opened {
  openedAt: Date;
  /** When it closed, if it did. */
  closedAt?: Date;
  history: Date[];
  byUser: Record<string, Date>;
  lastSeen: Date | null;
  window: [Date, Date];
}

export type Timestamps = Date[];

export interface Log {
  stamps: Timestamps;
  firstStamp: Date;
}
