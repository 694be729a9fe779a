export interface Names {
  auth0Id: string;
  HTTPStatus: number;
  sourceM3u8: string;
  userId: string;
  avatarUrl: string;
  apiKey: string;
  jsonData: string;
  uuid: string;
  traceID: string;
  from: string;
  class: string;
  str: string;
  list: string;
  type: string;
  id: string;
  "content-type": string;
  "with space": string;
  "2fa": boolean;
  "üñí": string;
  self: string;
  _private: string;
  None: string;
}
