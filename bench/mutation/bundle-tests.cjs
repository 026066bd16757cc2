// Stryker's build step (stryker.config.json, buildCommand), run in Stryker's sandbox after it has instrumented the
// code: bundles each platform test file the mutants are tried against (test/stubs and test/medcom) into one plain
// JavaScript file beside it (test/<folder>/<name>.bundled.test.js), packages left in node_modules. The tap runner then starts plain node for every
// test file instead of compiling TypeScript through tsx each time, which is most of the cost of a mutant.
// The bundles sit in the same folder as their test, so a `__dirname` two levels below the project root
// (medcom/official-xsd/schema-dirs.ts) still resolves to the root.
const { buildSync } = require('esbuild');
const { readdirSync } = require('node:fs');
const path = require('node:path');

for (const folder of ['stubs', 'medcom'].map((name) => path.join(process.cwd(), 'test', name))) {
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.test.ts'))) {
    buildSync({
      entryPoints: [path.join(folder, file)],
      outfile: path.join(folder, file.replace(/\.test\.ts$/, '.bundled.test.js')),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      sourcemap: false,
      logLevel: 'warning',
    });
  }
}
