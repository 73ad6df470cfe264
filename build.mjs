// Bundles opsdeck into dist/: one ESM entry plus chunks that load on demand.
// Bundling lets the SDK's ESM builds be tree-shaken to the commands opsdeck
// uses and keeps whole-library barrels (Ink's es-toolkit import) off the
// start-up path; see bench/startup.mjs for the effect.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
await build({
  entryPoints: { opsdeck: 'source/cli.tsx' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  sourcemap: 'linked',
  mainFields: ['module', 'main'],
  // React's production build: the development one is larger and slower.
  define: { 'process.env.NODE_ENV': '"production"' },
  // Native or optional modules stay in node_modules.
  external: [
    'ssh2',
    'cpu-features',
    'mysql2',
    'react-devtools-core',
    'node-pty',
  ],
  // Some bundled CommonJS modules call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __opsdeckRequire } from 'node:module'; const require = __opsdeckRequire(import.meta.url);",
  },
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
copyFileSync('source/lab/moto-lab.py', 'dist/moto-lab.py');
