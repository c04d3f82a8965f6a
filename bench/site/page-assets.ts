import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

/**
 * The JavaScript and CSS files a browser loads for a page of the static site, before any dynamic
 * import: SvelteKit's client entries, the root layout, the page's layouts and its own node, and
 * every chunk they import, from Vite's manifest and SvelteKit's route dictionary of the last build.
 */
export function pageAssets(webDirectory: string, routeId: string): { js: string[]; css: string[] } {
  const generated = '.svelte-kit/generated/client-optimized';
  const manifest = JSON.parse(readFileSync(join(webDirectory, '.svelte-kit/output/client/.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const app = readFileSync(join(webDirectory, generated, 'app.js'), 'utf8');
  const entry = new RegExp(`"${routeId.replace(/[[\]]/g, '\\$&')}": (\\[[^\\n]*\\])`).exec(app)?.[1];
  if (!entry) throw new Error(`The site has no route ${routeId}`);
  // `[leaf, [layouts], [errors]]`; a `~` marks a node with a universal load. The root layout (0) is always there.
  const [leaf, layouts = []] = JSON.parse(entry.replaceAll('~', '')) as [number, number[]?];
  const nodes = [0, ...layouts, leaf].map((node) => `${generated}/nodes/${Math.abs(node)}.js`);
  const entries = Object.keys(manifest).filter((key) => key.endsWith('client/entry.js') || key === `${generated}/app.js`);

  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  for (const key of [...entries, ...nodes]) visit(key);
  const chunks = [...seen].map((key) => manifest[key]).filter((chunk): chunk is ManifestChunk => chunk !== undefined);
  return { js: [...new Set(chunks.map((chunk) => chunk.file))], css: [...new Set(chunks.flatMap((chunk) => chunk.css ?? []))] };
}
