// Cucumber profiles. default = the embedded default (every stub in-process); containers = every stub in its own
// container (testcontainers); remote = systems already running elsewhere (E2E_PRESET); ci = like default, without
// colours. E2E_ENV overrides the profile's environment. E2E_REPORTS_DIR puts a run's reports in a folder of its own
// (a test camp's runs, one folder each).
const reports = (fallback, dir = process.env.E2E_REPORTS_DIR || fallback) => [
  'progress',
  `html:${dir}/cucumber.html`,
  `junit:${dir}/junit.xml`,
  `message:${dir}/messages.ndjson`,
];

const common = {
  paths: ['features/**/*.feature'],
  // The project's TypeScript through tsx, dependencies through Node's own loader (run/typescript-loader.cjs).
  requireModule: [require('node:path').join(__dirname, 'run', 'typescript-loader.cjs')],
  require: ['steps/**/*.ts'],
  formatOptions: { junit: { suiteName: 'lokalsvar-e2e' } },
  strict: true,
};

module.exports = {
  default: { ...common, format: reports('reports'), worldParameters: { environment: 'local' } },
  containers: { ...common, format: reports('reports/containers'), worldParameters: { environment: 'containers' } },
  remote: { ...common, format: reports('reports/remote'), worldParameters: { environment: 'remote' } },
  ci: { ...common, format: reports('reports'), worldParameters: { environment: 'local' }, formatOptions: { ...common.formatOptions, colorsEnabled: false } },
};
