// Unions that decode by their own discriminator (`kind`) in a module whose messages
// dispatch on `type`: written out as interfaces, and as a union of object literals
// (issue 10, snippet 4), each member hoisted as <Alias><Value>.

export interface Join {
  kind: "join";
  room: string;
}

export interface Say {
  kind: "say";
  room: string;
  text: string;
}

export interface Leave {
  kind: "leave";
}

export type RoomCommand = Join | Say | Leave;

export type ClientMessage =
  | { kind: "join"; room: string }
  | { kind: "say"; room: string; text: string }
  | { kind: "leave" };

export interface Connected {
  type: "connected";
  session: string;
}

export interface Received {
  type: "received";
  message: ClientMessage;
  commands?: RoomCommand[];
}

/** Every message of the server: the same dispatch as parse_message. */
export type Message = Connected | Received;
