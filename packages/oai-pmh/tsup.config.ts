import { packageBuild } from '../../tsup.shared.js';

export default packageBuild({
  index: 'src/index.ts',
  server: 'src/server.ts',
  client: 'src/client.ts',
  node: 'src/node.ts',
  cli: 'src/cli.ts',
});
