#!/usr/bin/env node
// `npx lokalsvar <command>`: runs the TypeScript CLI through tsx, so no build step is needed.
require('tsx/cjs');
require('../cli/lokalsvar.ts');
