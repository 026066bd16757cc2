// Cucumber profiles. default = the embedded default (every stub in-process); containers = every stub in its own
// container (testcontainers); ci = like default, without colours. E2E_ENV overrides the profile's environment.
const reports = (dir) => [
  'progress',
  `html:${dir}/cucumber.html`,
  `junit:${dir}/junit.xml`,
  `message:${dir}/messages.ndjson`,
];

const common = {
  paths: ['features/**/*.feature'],
  requireModule: ['tsx/cjs'],
  require: ['steps/**/*.ts'],
  formatOptions: { junit: { suiteName: 'lokalsvar-e2e' } },
  strict: true,
};

module.exports = {
  default: { ...common, format: reports('reports'), worldParameters: { environment: 'local' } },
  containers: { ...common, format: reports('reports/containers'), worldParameters: { environment: 'containers' } },
  ci: { ...common, format: reports('reports'), worldParameters: { environment: 'local' }, formatOptions: { ...common.formatOptions, colorsEnabled: false } },
};
