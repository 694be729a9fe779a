export interface Invoice {
  number: string;
  totalCents: number;
}
