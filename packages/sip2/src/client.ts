// @bibwire/sip2/client: SipClient over TCP, TLS or an injected Duplex.
export {
  type CallOptions,
  type RequestParams,
  SipClient,
  type SipClientEvent,
  type SipClientOptions,
  type SipClientTlsOptions,
} from './client/client.js';
export type { SipEndpoint } from './transport/node.js';
