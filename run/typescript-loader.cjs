'use strict';
/**
 * How the suite's processes run the project's TypeScript without a build step: tsx's CommonJS hooks (`tsx/cjs`),
 * narrowed to the project's own files. `node --require ./run/typescript-loader.cjs` (npm run e2e), cucumber.cjs's
 * requireModule and bin/lokalsvar.cjs load it.
 *
 * Why not `tsx/cjs` alone: tsx also takes over every `.js` file any dependency requires, reads it a second time and
 * scans it for ES module syntax, and it turns Node's source maps on, so Node reads and parses the source map of every
 * dependency file that names one. Playwright and cucumber alone cost about 0.25 s of CPU more to load that way, in
 * each of the run's processes, on the cores the stubs, WireMock and Chromium start on (README, "Suite time").
 *
 * Here a dependency's `.js` (a file under node_modules) goes to Node's own loader, with source maps off while it
 * loads. Node 20.19 and later require an ES module themselves; older ones refuse (ERR_REQUIRE_ESM, before running any
 * of it), and then tsx converts it, as before. A `.js` with ES syntax in a package that does not say it is an ES module
 * is no longer converted on Node 20.17 and 20.18, which do not recognise it (none of the project's dependencies has
 * one; later Nodes recognise it themselves). Everything else, the project's `.ts` files first of all, is tsx's as before and
 * keeps its source maps, so a stack trace names the line of the .ts file. Tested in test/run/typescript-loader.test.ts.
 */
const Module = require('node:module');

const DEPENDENCY = /[\\/]node_modules[\\/]/;
const nodeLoadsJs = Module._extensions['.js'];
require('tsx/cjs');
const tsxLoadsJs = Module._extensions['.js'];

/** Loads with Node's source maps on or off, and leaves them as they were. */
function withSourceMaps(enabled, load) {
  const before = process.sourceMapsEnabled;
  if (before === enabled) return load();
  process.setSourceMapsEnabled(enabled);
  try {
    return load();
  } finally {
    process.setSourceMapsEnabled(before);
  }
}

function loadJs(module, filename) {
  if (!DEPENDENCY.test(filename)) return tsxLoadsJs.call(this, module, filename);
  // Whether Node began to compile (and so to run) this file: only a file Node refused before that goes to tsx, never
  // one that ran and failed on an ES module it required itself (its code would run twice).
  let began = false;
  module._compile = function compile(...args) {
    began = true;
    delete module._compile;
    return Module.prototype._compile.apply(this, args);
  };
  try {
    return withSourceMaps(false, () => nodeLoadsJs.call(this, module, filename));
  } catch (error) {
    if (!began && error && error.code === 'ERR_REQUIRE_ESM') return tsxLoadsJs.call(this, module, filename);
    throw error;
  } finally {
    delete module._compile;
  }
}

// Only where tsx took `.js` over from Node's own loader (not when tsx was registered before this file).
if (tsxLoadsJs !== nodeLoadsJs) {
  Module._extensions['.js'] = loadJs;
  // The project's files keep their source maps while a dependency that requires one loads.
  for (const extension of ['.ts', '.tsx', '.mts', '.cts']) {
    const tsxLoads = Module._extensions[extension];
    if (typeof tsxLoads === 'function') {
      Module._extensions[extension] = function loadTypeScript(module, filename) {
        return withSourceMaps(true, () => tsxLoads.call(this, module, filename));
      };
    }
  }
}
