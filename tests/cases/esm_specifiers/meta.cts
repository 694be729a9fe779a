export interface Meta {
  traceId: string;
}
