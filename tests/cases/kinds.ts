// A union that decodes by its own discriminator (`kind`, issue 10 snippet 4 as the
// evaluator hoists it) in a module whose messages dispatch on `type`.

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

export type ClientMessage = Join | Say | Leave;

export interface Connected {
  type: "connected";
  session: string;
}

export interface Received {
  type: "received";
  message: ClientMessage;
}

/** Every message of the server: the same dispatch as parse_message. */
export type Message = Connected | Received;
