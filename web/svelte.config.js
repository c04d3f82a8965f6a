import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // A single-page app: every path falls back to index.html and pages fetch from the API at run time.
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
    alias: {
      // The site validates with the very schemas the API uses.
      $shared: '../shared',
    },
    // SvelteKit's boot script is inline: hash it into a CSP <meta> so 'self' plus that hash is all it needs.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self'],
        // The one inline style SvelteKit writes: its route announcer's (see also base.css).
        'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
      },
    },
    typescript: {
      config: (tsconfig) => {
        // The build plugin that ships swagger-ui lives beside the site, not in src/.
        tsconfig.include.push('../api-reference/**/*.ts');
      },
    },
  },
};

export default config;
