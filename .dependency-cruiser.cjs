// The boundaries between the parts (docs/architecture.md), checked by `npm run lint:boundaries`,
// which `npm test` runs. Known exceptions, with the issue that removes them, are in
// .dependency-cruiser-known-violations.json: new ones fail.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-knows-no-http',
      comment:
        'The domain (lib/annotations) refuses with lib/errors/refusal.ts and takes plain values; the route layer (app/api, lib/http) maps refusals to statuses and requests to values.',
      severity: 'error',
      from: { path: '^lib/annotations/' },
      to: { path: '^lib/http/' },
    },
    {
      name: 'only-lib-touches-the-database',
      comment: 'Pages, routes and components reach the database through lib/ functions, never the client itself.',
      severity: 'error',
      from: { path: '^(app|components)/' },
      to: { path: '^lib/(db\\.ts$|db/|generated/)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'live-bus-knows-no-domain',
      comment: 'lib/live carries events; what goes into them is the domain’s business (types are fine).',
      severity: 'error',
      from: { path: '^lib/live/' },
      to: { path: '^lib/annotations/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'errors-know-nothing',
      comment: 'lib/errors is what the domain and the route layer share: it imports neither.',
      severity: 'error',
      from: { path: '^lib/errors/' },
      to: { path: '^(lib/(?!errors/)|app/|components/)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'product-code-imports-no-tests',
      severity: 'error',
      from: { path: '^(app|components|lib|i18n)/' },
      to: { path: '^(tests|e2e|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(lib/generated|\\.next|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
