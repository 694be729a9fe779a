// Discriminators not called `type` (issue 10, snippet 5): a NATS-style event bus
// whose events are told apart by `subject`. `version: 1` is the same constant in
// every event, so it is not what parse_message dispatches on.

export enum Subjects {
  TicketCreated = "ticket:created",
  TicketUpdated = "ticket:updated",
  OrderCancelled = "order:cancelled",
}

export interface TicketCreated {
  version: 1;
  subject: Subjects.TicketCreated;
  data: { id: string; price: number };
}

export interface TicketUpdated {
  version: 1;
  subject: Subjects.TicketUpdated;
  data: { id: string; price: number; orderId?: string };
}

export interface OrderCancelled {
  version: 1;
  subject: Subjects.OrderCancelled;
  data: { id: string };
}

/** The events a ticket listener receives. */
export type TicketEvent = TicketCreated | TicketUpdated;

export interface Listener {
  queue: string;
  last?: TicketEvent | null;
}
