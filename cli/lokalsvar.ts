/** Entry of `lokalsvar` (bin/lokalsvar.cjs, `npm run stubs`): runs the command line of main.ts in this process. */
import { runCli } from './main';

runCli(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`lokalsvar: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
