export interface Base {
  id: string;
  meta: { createdAt: number };
}

export interface Audit {
  by: string;
  id: string;
}

/** Inherits Base then Audit; `id` is redeclared with the same type. */
export interface Derived extends Base, Audit {
  id: string;
  extra?: boolean;
}

export interface Other extends Base {
  note: string;
}
