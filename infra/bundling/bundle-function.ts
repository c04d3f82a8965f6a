import { bundleFunction } from './function-bundle.ts';

// CDK's local bundling runs this in its own process: esbuild's plugins need its asynchronous API.
const [entry, outdir] = process.argv.slice(2);
if (!entry || !outdir) throw new Error('Usage: bundle-function.ts <entry> <outdir>');
await bundleFunction(entry, outdir);
