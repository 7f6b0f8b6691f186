/**
 * Settings for property and fuzz tests. Every run draws a fresh seed (so CI keeps exploring)
 * unless FC_SEED is set; a failure prints the seed and the command that replays that exact run.
 * Shrinking is off: several properties drive one database through a whole sequence, and a
 * shrunk counterexample replayed on a database the earlier runs changed would mislead.
 */
import fc from 'fast-check';
import { expect } from 'vitest';

const drawSeed = () =>
  process.env.FC_SEED ? Number(process.env.FC_SEED) : (Date.now() ^ (Math.random() * 2 ** 31)) | 0;

export function propertyOptions<T>(params: fc.Parameters<T> = {}): fc.Parameters<T> {
  const seed = params.seed ?? drawSeed();
  const file = expect.getState().testPath?.replace(`${process.cwd()}/`, '') ?? '<test file>';
  return {
    endOnFailure: true,
    ...params,
    seed,
    reporter(details) {
      if (!details.failed) return;
      throw new Error(
        `${fc.defaultReportMessage(details)}\n\nReplay this run: FC_SEED=${details.seed} npx vitest run ${file}`,
        { cause: details.errorInstance }
      );
    }
  };
}
