import type { Level } from "./ambient";

export interface Toast {
  type: "toast";
  text: string;
  level: Level;
}

// Not data: skipped (JSX parses only with the TSX grammar).
export function render(toast: Toast) {
  return <div className="toast">{toast.text}</div>;
}
