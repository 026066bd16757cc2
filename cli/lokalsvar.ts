/**
 * The platform's command line:
 *   lokalsvar valider FIL.xml ...   validate MedCom messages (exit 0 valid, 1 invalid, 2 unreadable)
 *   lokalsvar stubs [--containers] [--host H] [--<system>-port N]
 *                                   start every stub for a test camp or a vendor's own LPS
 */
import { runSammenlign } from './sammenlign';
import { runStubs } from './stubs';
import { runValider } from './valider';

const USAGE = `Usage:
  lokalsvar valider FIL.xml ...     validate MedCom XRPT01/XRPT05 messages
  lokalsvar stubs [--containers] [--host 127.0.0.1] [--plsp-port 8701] [--laba-port 8702] [--miba-port 8703]
                  [--labportal-port 8704] [--sundhedsjournal-port 8705] [--pilot-lps-port 8706]
  lokalsvar sammenlign FORRIGE.json NU.json   compare two runs' certificering.json (exit 1 when a verdict got worse)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'valider':
      return runValider(args, (line) => console.log(line));
    case 'stubs':
      return runStubs(args);
    case 'sammenlign':
      return runSammenlign(args, (line) => console.log(line), (line) => console.error(line));
    default:
      console.error(command ? `Unknown command "${command}".\n${USAGE}` : USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
