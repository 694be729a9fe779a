// A class a rendered type refers to renders as its public instance properties
// (declared and constructor parameter properties); methods, accessors, static,
// private, protected and #private members are not data.
export class Money {
  constructor(
    public readonly amountCents: number,
    public readonly currency: string,
    private readonly rate: number = 1,
  ) {}

  add(other: Money): Money {
    return new Money(this.amountCents + other.amountCents, this.currency);
  }
}

export class Stamp {
  static count = 0;
  #secret = "s";
  protected owner?: string;
  /** When it was taken, in milliseconds. */
  at: number;
  readonly kind = "stamp";
  label?: string;

  constructor(at: number) {
    this.at = at;
  }

  get age(): number {
    return Date.now() - this.at;
  }
}

export class SignedStamp extends Stamp {
  signature!: string;
}

export interface Paid {
  type: "paid";
  amount: Money;
  stamp: SignedStamp;
}

// Used by no rendered type: skipped (a note under --verbose).
export class Cart {
  items: string[] = [];
}
