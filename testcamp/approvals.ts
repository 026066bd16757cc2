/**
 * How the camp's hub learns a new vendor's system without a restart: the camp keeps DATA/godkendte-systemer.txt
 * (one LPS system a line: every session's system) and starts the hub with PLSP_APPROVED_SYSTEMS_FILE pointing at
 * it; the hub reads the file again whenever it changes. Nothing else is approved but Pilot-LPS, so LABA-01 (an
 * unapproved system is refused) still holds at the camp.
 */
import { renameSync, writeFileSync } from 'node:fs';

export const APPROVED_FILE = 'godkendte-systemer.txt';

export function writeApprovedSystems(file: string, systems: readonly string[]): void {
  const temporary = `${file}.ny`;
  writeFileSync(temporary, `# LPS-systemer godkendt på testcampen (skrevet af lokalsvar testcamp)\n${systems.map((system) => `${system}\n`).join('')}`);
  renameSync(temporary, file);
}
