export interface Order {
  customer: {
    name: string;
    address: {
      street: string;
      geo: {
        lat: number;
        lng: number;
      };
    };
  };
  lines: {
    sku: string;
    options: { key: string; value: string }[];
  }[];
  "content-type"?: { primary: string };
}
