/** Whether a process with this pid exists (one we may not signal, EPERM, exists too). The one home of that check. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
