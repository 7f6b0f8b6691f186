/**
 * Files written by a save belong to its unit of work. The bytes go to disk before the rows that
 * name them (a row needs the path, and re-encoding audio must not hold a transaction open), so a
 * save that fails afterwards — a refused check, a lost race on a one-time key, a failed insert
 * or commit — would leave files on disk that nothing points at, forever.
 *
 * Writers call `writeOwnedFile`; a save runs under `undoFilesOnFailure` (inTransaction, once()
 * and the services that write before their transaction do), which deletes what was written
 * under it when it throws. A unit that succeeds hands its files to the enclosing unit, so an
 * outer save that fails later still removes them. Outside any unit a write is simply kept.
 * A crash between the write and the commit can still leave a file; that needs a sweep, not this.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { rm, writeFile } from 'node:fs/promises';

const unit = new AsyncLocalStorage<string[]>();

export async function writeOwnedFile(
  fullPath: string,
  data: Uint8Array | string,
  options?: { mode?: number }
): Promise<void> {
  // Noted before writing: a write that fails half-way leaves a partial file to remove too.
  unit.getStore()?.push(fullPath);
  await writeFile(fullPath, data, options);
}

export async function undoFilesOnFailure<T>(fn: () => Promise<T>): Promise<T> {
  const outer = unit.getStore();
  const mine: string[] = [];
  try {
    const result = await unit.run(mine, fn);
    outer?.push(...mine);
    return result;
  } catch (e) {
    // Best effort: the save's own error is what the caller must see.
    await Promise.all(mine.map((f) => rm(f, { force: true }).catch(() => undefined)));
    throw e;
  }
}

/** `undoFilesOnFailure` around a whole service function (files written before its transaction). */
export const ownsFiles =
  <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
  (...args: A): Promise<R> =>
    undoFilesOnFailure(() => fn(...args));
