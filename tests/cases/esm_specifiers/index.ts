// ESM spelling: each specifier names the JavaScript file tsc emits, and reaches the
// TypeScript source beside it (.js -> .ts, .mjs -> .mts, .cjs -> .cts).
export { Kind } from "./kind.js";
export * from "./events.js";
export { Ping } from "./ping.mjs";
import type { Meta } from "./meta.cjs";

export interface Envelope {
  meta: Meta;
  body: string;
}
