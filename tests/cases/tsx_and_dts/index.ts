// A .tsx module (parsed with the TSX grammar) and a declaration file (.d.ts).
export * from "./protocol";
export * from "./ambient";
