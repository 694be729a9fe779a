// Issue 10's contract as written: every snippet in one module, both languages.
export enum Events { Shipped = "Shipped" }
export enum Subjects { TicketCreated = "ticket:created" }
// 1. A generic envelope, instantiated per event (the most common shape of all)
export interface Event<T extends string, D = Record<string, never>> { type: T; data: D; occurredAt: number }
export type Deposited = Event<"Deposited", { accountId: string; amount: number }>;
export interface Withdrawn extends Event<"Withdrawn", { accountId: string; amount: number }> { version: 2 }
export interface Envelope<M> { id: string; message: M }
export interface Batch { first: Envelope<Deposited>; rest: Envelope<Deposited>[] }   // hoisted once: EnvelopeDeposited

// 2. Utility types and intersections
export interface Account { id: string; name: string; email: string; secret: string }
export type AccountView = Readonly<Omit<Account, "secret">> & { balance: number };
export type Draft = Partial<Pick<Account, "name" | "email">>;
export type Limits = Record<"daily" | "monthly", number>;

// 3. A base with a loose discriminator, narrowed by each message
export interface BaseEvent { type: string; id: string }
export interface Opened extends BaseEvent { type: "Opened"; owner: string }
export interface BaseEvent2 { type: Events; id: string }
export interface Shipped extends BaseEvent2 { type: Events.Shipped }       // and where the base says `type: Events`

// 4. Unions of object literals (redux actions, socket protocols)
export type ClientMessage = { kind: "join"; room: string } | { kind: "say"; room: string; text: string } | { kind: "leave" };

// 5. Discriminators that are not called `type`, or are numbers
export interface TicketCreated { subject: Subjects.TicketCreated; data: { id: string; price: number } }
export interface Ping { op: 1; payload: string }

// 6. Types derived from other types and from constants
export const ADD_TODO = "ADD_TODO";
export interface AddTodo { type: typeof ADD_TODO; text: string }
export const Status = { Open: "open", Closed: "closed" } as const;
export type Status = (typeof Status)[keyof typeof Status];
export type MessageKind = ClientMessage["kind"];
export type AccountKey = keyof Account;
