// Bundles opsdeck into dist/: one ESM entry plus chunks that load on demand.
// Bundling lets the SDK's ESM builds be tree-shaken to the commands opsdeck
// uses and keeps whole-library barrels (Ink's es-toolkit import) off the
// start-up path; see bench/startup.mjs for the effect.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

/**
 * Yoga (Ink's layout engine) ships its WebAssembly as a base64 data: URL and
 * loads it with fetch() when fetch exists. In Node that first fetch() loads
 * undici, about 200 KB of script, before the first frame. Yoga's own fallback
 * decodes the same bytes synchronously; this makes it take that path.
 */
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(builder) {
    builder.onLoad({ filter: /yoga-wasm-base64-esm\.js$/ }, ({ path }) => ({
      contents: patched(path, [
        [
          'function ya(){return w||"function"!=typeof fetch',
          'function ya(){return w||true',
        ],
      ]),
      loader: 'js',
    }));
  },
};

/**
 * A dependency's file with each `[from, to]` replaced; `from` must occur
 * exactly once, or the build stops: a new version must be looked at again.
 */
function patched(path, replacements) {
  let source = readFileSync(path, 'utf8');
  for (const [from, to] of replacements) {
    const at = source.indexOf(from);
    if (at < 0 || source.indexOf(from, at + 1) >= 0)
      throw new Error(`${path}: expected one "${from}"; revisit the patch`);
    source = source.slice(0, at) + to + source.slice(at + from.length);
  }
  return source;
}

/**
 * Ink's caches (source/terminal/ink-caches.ts): the styled characters of a
 * line outlive the frame, and the measuring and wrapping caches, which Ink
 * never empties, forget what is no longer drawn.
 */
const inkCaches = {
  name: 'ink-caches',
  setup(builder) {
    const caches = JSON.stringify(
      new URL('./source/terminal/ink-caches.ts', import.meta.url).pathname,
    );
    const bounded = `import { GenerationMap } from ${caches};\nconst cache = new GenerationMap(4000);`;
    const patches = {
      'output.js': [
        ['caches = new OutputCaches();', 'caches = opsdeckLineCaches;'],
        [
          'export default class Output',
          `import { createLineCaches } from ${caches};\nconst opsdeckLineCaches = createLineCaches((line) => styledCharsFromTokens(tokenize(line)), stringWidth);\nexport default class Output`,
        ],
      ],
      'measure-text.js': [['const cache = new Map();', bounded]],
      'wrap-text.js': [
        ['const cache = {};', bounded],
        ['cache[cacheKey] = wrappedText;', 'cache.set(cacheKey, wrappedText);'],
        ['cache[cacheKey];', 'cache.get(cacheKey);'],
      ],
    };
    builder.onLoad(
      { filter: /[\\/]ink[\\/]build[\\/](output|measure-text|wrap-text)\.js$/ },
      ({ path }) => {
        const file = path.split(/[\\/]/).at(-1);
        inkFilesPatched.add(file);
        return { contents: patched(path, patches[file]), loader: 'js' };
      },
    );
  },
};
/** Checked after the build: a renamed Ink file would skip its patch silently. */
const inkFilesPatched = new Set();

/**
 * Every import of string-width (Ink's, its helpers', ours) goes to
 * source/terminal/cached-string-width.ts, which remembers widths; other
 * major versions (a dependency's own copy) are left as they are.
 */
const cachedStringWidth = {
  name: 'cached-string-width',
  setup(builder) {
    const wrapper = new URL(
      './source/terminal/cached-string-width.ts',
      import.meta.url,
    ).pathname;
    let shared;
    builder.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.importer === wrapper || args.pluginData === 'real') return;
      shared ??= await builder.resolve('string-width', {
        resolveDir: process.cwd(),
        kind: 'import-statement',
        pluginData: 'real',
      });
      const real = await builder.resolve('string-width', {
        resolveDir: args.resolveDir,
        kind: args.kind,
        pluginData: 'real',
      });
      return real.path === shared.path ? { path: wrapper } : real;
    });
  },
};

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
await build({
  entryPoints: {
    opsdeck: 'source/cli.tsx',
    // The instances pane's page fetches run on this worker thread.
    'ec2-page-worker': 'source/aws/ec2/page-thread/page-worker.ts',
  },
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
  plugins: [yogaWithoutFetch, inkCaches, cachedStringWidth],
});
if (inkFilesPatched.size !== 3)
  throw new Error(
    `Ink's caches were put into ${[...inkFilesPatched].join(', ') || 'no file'} of its 3 files; revisit the ink-caches patch`,
  );
copyFileSync('source/lab/moto-lab.py', 'dist/moto-lab.py');
