// pnpm demo: starts every bibwire service on 127.0.0.1 and prints where each one runs.
import { parseArgs } from 'node:util';
import { createDemoHandler } from './app.js';
import { serveFetch } from './node-http.js';

const { values } = parseArgs({
  options: {
    'http-port': { type: 'string', default: process.env.DEMO_HTTP_PORT ?? '8080' },
    'sip-port': { type: 'string', default: process.env.DEMO_SIP_PORT ?? '6001' },
  },
});
const httpPort = Number(values['http-port']);
const sipPort = Number(values['sip-port']);

const server = await serveFetch(createDemoHandler({ httpPort, sipPort }), httpPort);
console.log(`bibwire library in a box
  web page   http://127.0.0.1:${httpPort}/
Ctrl-C stops everything.`);

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
