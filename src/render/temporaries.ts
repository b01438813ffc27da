/**
 * The temporary files the render and import commands write before renaming them into place, named after the
 * process writing them, so that a later run can tell a killed run's leftovers from a live run's files.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** A temporary file of either command: `.<name>.<pid>-<n>.tmp.<ext>` (render) or `.<file>.<pid>.tmp` (import). */
const TEMPORARY = /^\..+\.(\d+)(?:-\d+\.tmp\.\w+|\.tmp)$/;

/**
 * Removes from `dir` the temporary files of runs that are no longer running (killed before they could
 * clean up); those of a live process, maybe writing to the same folder right now, are left alone.
 */
export async function removeStaleTemporaries(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return; // not there yet: nothing to clean
  }
  const stale = names.filter((name) => {
    const pid = Number(TEMPORARY.exec(name)?.[1] ?? NaN);
    return Number.isSafeInteger(pid) && pid !== process.pid && !isRunning(pid);
  });
  await Promise.all(stale.map((name) => rm(join(dir, name), { force: true })));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
