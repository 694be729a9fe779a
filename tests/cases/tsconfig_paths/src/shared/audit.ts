export interface Audit {
  by: string;
}
