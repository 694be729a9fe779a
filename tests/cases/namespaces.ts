// Namespaces: declarations named <Namespace><Name>, nested namespaces concatenate;
// references resolve inside the namespace first, and as Namespace.Name outside.
export namespace Payload {
  export interface Join {
    room: string;
    role: Role;
  }

  export enum Role {
    Guest = "guest",
    Host = "host",
  }

  export namespace Media {
    export interface Offer {
      sdp: string;
    }
  }
}

namespace Wire.V2 {
  export type Codec = "opus" | "vp8";
}

export interface Joined {
  type: "joined";
  payload: Payload.Join;
  offer: Payload.Media.Offer | null;
  role: Payload.Role.Host;
  codec: Wire.V2.Codec;
}
