// Type-only and renamed re-exports, and default exports.
export type { Order } from "./order";
export { Order as PurchaseOrder, Status as OrderStatus } from "./order";
export { default as Refund } from "./refund";
import Money from "./money";

export interface Priced {
  price: Money;
}

interface Draft {
  note: string;
}
export { Draft as Proposal };
