/** Runs every benchmark in bench/ one after the other (`npm run bench`); each prints its own table. */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = __dirname;
const tsx = path.join(dir, '..', 'node_modules', '.bin', 'tsx');
let failed = 0;
for (const file of readdirSync(dir).filter((name) => name.endsWith('.bench.ts')).sort()) {
  console.log(`\n=== ${file}`);
  const result = spawnSync(tsx, [path.join(dir, file)], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
