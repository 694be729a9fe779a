import { Money } from "@/shared/money";

export interface Refunded {
  type: "refunded";
  amount: Money;
}
