// `@bibwire/oai-pmh/node`: serve any Fetch-standard handler (the OAI provider, or several combined)
// over node:http with streaming responses. Everything else in this package runs on any runtime.
export {
  type FetchHandler,
  type NodeListenerOptions,
  type NodeServeOptions,
  type RunningNodeServer,
  serveNode,
  toNodeListener,
} from './node/serve.js';
