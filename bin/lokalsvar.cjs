#!/usr/bin/env node
// `npx lokalsvar <command>`: runs the TypeScript CLI through tsx (run/typescript-loader.cjs), so no build step is needed.
require('../run/typescript-loader.cjs');
require('../cli/lokalsvar.ts');
