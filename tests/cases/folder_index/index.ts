// A folder is its index: index.ts, index.tsx or index.d.ts.
import type { Customer } from "./customers";
import { Invoice } from "./billing/";

export interface Purchased {
  type: "purchased";
  customer: Customer;
  invoice: Invoice;
}
