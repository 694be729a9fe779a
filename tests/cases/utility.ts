// Utility types applied to evaluated object types.

export enum Region {
  Eu = "eu",
  Us = "us",
}

export interface Account {
  id: string;
  name: string;
  email: string;
  secret: string;
  nickname?: string;
  address: { street: string; city: string };
}

export type AccountView = Readonly<Omit<Account, "secret">> & { balance: number };

export type Draft = Partial<Pick<Account, "name" | "email">>;

export type Complete = Required<Pick<Account, "id" | "nickname">>;

export type Limits = Record<"daily" | "monthly", number>;

export type PerRegion = Record<Region, { enabled: boolean }>;

export type Settings = Record<string, string>;

export type Level = "debug" | "info" | "warn" | "error";

export interface Filter {
  loud: Extract<Level, "warn" | "error">;
  quiet: Exclude<Level, "warn" | "error">;
  region: Exclude<Region, Region.Us>;
  owner: NonNullable<Account | null>;
  patch: Partial<Account>;
}
