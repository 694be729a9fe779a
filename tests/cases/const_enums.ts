// `const enum` and `declare` forms: as their plain forms.
export const enum Opcode {
  Hello = 0,
  Ping = 1,
}

declare enum Region {
  Eu = "eu",
  Us = "us",
}

export declare interface Hello {
  op: Opcode.Hello;
  region: Region;
}

declare type Heartbeat = {
  op: Opcode.Ping;
  seq: number;
};

export interface Frame {
  hello?: Hello;
  heartbeat?: Heartbeat;
}
