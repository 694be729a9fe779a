export default interface Money {
  amountCents: number;
  currency: string;
}
