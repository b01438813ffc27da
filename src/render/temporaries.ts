/**
 * The temporary files the render and import commands write before renaming them into place, named after the
 * process writing them, so that a later run can tell a killed run's leftovers from a live run's files.
 */
import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A temporary file of either command: `.<name>.<pid>-<n>.tmp.<ext>` (render) or `.<file>.<pid>.tmp` (import, and the feed's files). */
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

/** The temporary name `removeStaleTemporaries` knows for `path` while this process writes it: `.<file>.<pid>.tmp`. */
export function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/** Writes `path` under its `temporaryPath`, then renames it into place. */
export async function writeInPlace(path: string, text: string): Promise<void> {
  const temporary = temporaryPath(path);
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
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
