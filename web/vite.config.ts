import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { swaggerUiAssets } from './api-reference/swagger-ui-assets.ts';

export default defineConfig({
  plugins: [
    paraglideVitePlugin({
      project: './project.inlang',
      outdir: './src/lib/paraglide',
      // The language lives in the URL (Dutch at /, English under /en) so every deep link keeps it.
      strategy: ['url', 'baseLocale'],
    }),
    sveltekit(),
    swaggerUiAssets(),
  ],
  server: {
    // The local API listens on :3000; the site calls it same-origin, as it does behind CloudFront.
    proxy: { '/api': 'http://localhost:3000' },
  },
});
