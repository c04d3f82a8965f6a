import { createApiGateway } from '#functions/local/api-adapter.ts';
import { createLocalServer } from '#functions/local/server.ts';

/**
 * The local server's API half (`npm start` composes the same two parts), in a process of its own
 * as Lambda would be, on the port given; the environment (table, endpoints, key) comes from the bench.
 */
const port = Number(process.argv[2]);
const server = createLocalServer({
  api: createApiGateway(),
  site: async (_request, response) => {
    response.writeHead(404);
    response.end();
  },
});
server.listen(port, '127.0.0.1');
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
