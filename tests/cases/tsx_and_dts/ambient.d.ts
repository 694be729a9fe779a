export declare const enum Level {
  Info = "info",
  Warn = "warn",
}

export declare interface Dismissed {
  type: "dismissed";
  id: string;
}

export declare function dismiss(id: string): void;
