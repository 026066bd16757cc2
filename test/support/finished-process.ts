/** The pid of a process that has already ended: what a killed run leaves on its labels. */
import { spawn } from 'node:child_process';

export function pidOfFinishedProcess(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', () => resolve(child.pid as number));
  });
}
