export enum Kind {
  Opened = "Opened",
  Pinged = "Pinged",
}
