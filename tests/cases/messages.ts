export enum Kinds {
  Created = "Created",
  Renamed = "Renamed",
}

export interface Envelope {
  id: string;
}

export interface CreatedEvent extends Envelope {
  type: Kinds.Created;
  name: string;
}

export interface RenamedEvent extends Envelope {
  type: Kinds.Renamed;
  from: string;
  to: string;
}

export interface PingMessage {
  type: "ping";
  at: number;
}

/** Every message this service accepts. */
export type Msg = CreatedEvent | RenamedEvent;

export interface Batch {
  items: Msg[];
  last?: Msg;
}
