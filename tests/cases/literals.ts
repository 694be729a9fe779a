export type Role = "admin" | "member";

export interface Literals {
  kind: "fixed";
  version: 2;
  enabled: true;
  role: "admin" | "member";
  level: 1 | 2 | 3;
  mixed: "auto" | 0 | false;
  aliased: Role;
  maybeRole?: Role;
  roles: Role[];
  ratio: 0.5 | 1.5;
}
