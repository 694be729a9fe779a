/** Énumération: non-ASCII names are kept where Python and Go allow them. */
export enum État {
  Prêt = "prêt",
  Fermé = "fermé",
  準備 = "準備",
}

export interface Ünïcödé {
  naïve: string;
  名前: string;
  état: État;
  "emoji🎉": number;
  "quote\"d": string;
  "back`tick": string;
  "com,ma": string;
  ключ: boolean;
}

/** Names the generated Go helpers once used: the helpers give way. */
export interface String {
  s: string;
  m: Map;
}

export interface Map {
  o?: Object;
}

export interface Object {
  f: Field[];
}

export interface Field {
  u: Union | null;
}

export interface Union {
  x: number;
}

/** A message struct named like the local type of its MarshalJSON. */
export interface plain {
  type: "plainMessage";
  n: number;
}
