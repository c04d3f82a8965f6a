import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/** Where the API's /api/docs page expects swagger-ui and its boot script on the site. */
const publicDir = 'vendor/swagger-ui';

const swaggerUiDist = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const sources: Record<string, string> = {
  'swagger-ui-bundle.js': join(swaggerUiDist, 'swagger-ui-bundle.js'),
  'swagger-ui.css': join(swaggerUiDist, 'swagger-ui.css'),
  'init.js': join(import.meta.dirname, 'init.js'),
};

const contentTypes: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css' };

/**
 * Ships swagger-ui's static files with the site under /vendor/swagger-ui/, straight from the installed
 * package: emitted into the client build, and served by the dev server.
 */
export function swaggerUiAssets(): Plugin {
  return {
    name: 'crossover:swagger-ui-assets',
    generateBundle() {
      if (this.environment.config.consumer !== 'client') return;
      for (const [name, path] of Object.entries(sources)) {
        this.emitFile({ type: 'asset', fileName: `${publicDir}/${name}`, source: readFileSync(path) });
      }
    },
    configureServer(server) {
      server.middlewares.use(`/${publicDir}`, (request, response, next) => {
        const name = request.url?.slice(1).split('?')[0] ?? '';
        const path = sources[name];
        if (!path) return next();
        response.setHeader('content-type', contentTypes[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream');
        response.end(readFileSync(path));
      });
    },
  };
}
