// Numeric discriminators (issue 10, snippet 5): a WebSocket gateway whose frames
// carry an opcode, as a number literal or a member of an int enum.

export enum Op {
  Identify = 2,
  Resume = 6,
}

export interface Ping {
  op: 1;
  payload: string;
}

export interface Identify {
  op: Op.Identify;
  token: string;
}

export interface Resume {
  op: Op.Resume;
  token: string;
  seq: number;
}

export type Frame = Ping | Identify | Resume;

export type Handshake = Identify | Resume;

export interface Session {
  frames: Frame[];
}
