// Non-relative specifiers through tsconfig.json `paths` and `baseUrl`.
import { Money } from "@/shared/money";
import type { Currency } from "@vendor/currency";
export * from "#events";
import { Audit } from "shared/audit"; // baseUrl alone

export interface Charged {
  type: "charged";
  amount: Money;
  currency: Currency;
  audit: Audit;
}
