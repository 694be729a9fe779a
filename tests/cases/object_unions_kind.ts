// Unions of object literals told apart by a discriminator that is not `type`
// (issue 10's snippet 4), by numbers, and by enum members.

export type ClientMessage =
  | { kind: "join"; room: string }
  | { kind: "say"; room: string; text: string }
  | { kind: "leave" };

export type Frame = { op: 1; payload: string } | { op: 2; at: number };

export enum Channel {
  Email = "email",
  Sms = "sms",
}

export type Notice = { via: Channel.Email; address: string } | { via: Channel.Sms; phone: string };

export interface Inbox {
  messages: ClientMessage[];
  frame?: Frame;
  notice: Notice;
}
