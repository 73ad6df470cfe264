/**
 * The layout's rules, checked by `npm run lint`:
 * - layers: components -> hooks -> source, never back (the composition root
 *   source/cli.tsx and source/console.tsx are the only joins);
 * - source/'s areas in one order, each importing only those below it;
 * - no cycles (type-only imports count), no orphans.
 */

/** source/'s areas from the top down; an area may import only those after it. */
const SOURCE_ORDER = [
  ['commands'],
  ['lab'],
  ['panes'],
  ['session'],
  ['wizards'],
  ['s3sync'],
  ['mysql'],
  ['ssh'],
  // Elastic IP failover: decision, checks, guard, history.
  ['failover'],
  ['aws'],
  // The console's frame as pure state: the pane catalog, command line, help.
  ['shell'],
  ['table'],
  // Infrastructure: side by side, so none imports another.
  ['keymap', 'config', 'events', 'jobs', 'safety', 'terminal'],
  ['lib'],
];

const ROOT_FILES = '^source/[^/]+$';
const under = (areas) => `^source/(${areas.join('|')})/`;

const orderRules = SOURCE_ORDER.flatMap((level, index) => {
  const above = SOURCE_ORDER.slice(0, index).flat();
  return level.map((area) => ({
    name: `source-order-${area}`,
    comment: `source/${area}/ imports only areas below it (${SOURCE_ORDER.slice(
      index + 1,
    )
      .flat()
      .join(', ')}) and itself`,
    severity: 'error',
    from: { path: under([area]) },
    to: {
      path:
        above.length > 0
          ? [ROOT_FILES, under(above), under(level.filter((a) => a !== area))]
          : [ROOT_FILES, under(level.filter((a) => a !== area))],
    },
  }));
}).map((rule) => ({
  ...rule,
  // An empty alternative would match everything.
  to: { path: rule.to.path.filter((p) => !p.endsWith('()/')) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No cycles, type-only imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment: 'Every module is used (entry points and tests aside).',
      severity: 'error',
      from: {
        orphan: true,
        pathNot: [
          '^source/cli\\.tsx$',
          '^test/',
          '^bench/',
          '\\.d\\.ts$',
          '(^|/)[^/]+\\.config\\.(js|cjs|mjs|ts)$',
          '^\\.dependency-cruiser\\.cjs$',
          '^build\\.mjs$',
          // Started as a worker thread by page-thread.ts, not imported.
          '^source/aws/ec2/page-thread/page-worker\\.ts$',
          // Put into Ink's own files by the build (build.mjs), not imported.
          '^source/terminal/ink-caches\\.ts$',
        ],
      },
      to: {},
    },
    {
      name: 'source-has-no-ui',
      comment:
        'source/ holds no UI: only the composition root joins it to components/ and hooks/.',
      severity: 'error',
      from: { path: '^source/', pathNot: '^source/(cli|console)\\.tsx$' },
      to: {
        path: [
          '^components/',
          '^hooks/',
          'node_modules/(react|ink|ink-[^/]+|react-[^/]+)/',
        ],
      },
    },
    {
      name: 'hooks-below-components',
      comment: 'The arrow is components -> hooks -> source.',
      severity: 'error',
      from: { path: '^hooks/' },
      to: { path: '^components/' },
    },
    {
      name: 'components-reach-services-through-hooks',
      comment: 'Components never call the SDK, ssh2 or mysql2.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: 'node_modules/(@aws-sdk|ssh2|mysql2)/' },
    },
    {
      name: 'no-dev-dependencies-in-product',
      comment: 'What ships imports only dependencies (types aside).',
      severity: 'error',
      from: { path: '^(source|components|hooks)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'one-byte-format',
      comment:
        'Sizes read the same everywhere (IEC units): only source/lib/byte-size.ts formats them.',
      severity: 'error',
      from: { pathNot: '^source/lib/byte-size\\.ts$' },
      to: { path: 'node_modules/pretty-bytes/' },
    },
    {
      name: 'tests-stay-out',
      comment: 'Nothing but tests imports from test/.',
      severity: 'error',
      from: { pathNot: '^test/' },
      to: { path: '^test/' },
    },
    ...orderRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
    },
  },
};
