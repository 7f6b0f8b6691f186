/**
 * Import problems are collected, not thrown one by one, so an operator sees every bad row
 * of a file in one run. `where` is "line 12" for CSV and a JSON path for JSON.
 */
export interface ImportIssue {
  where: string;
  message: string;
}

export class ImportError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(
      `${issues.length} bad record(s): ` +
        issues
          .slice(0, 5)
          .map((i) => `${i.where}: ${i.message}`)
          .join('; ')
    );
  }
}

export const isImportError = (e: unknown): e is ImportError => e instanceof ImportError;

/** Throw when anything was collected. */
export function throwIfIssues(issues: ImportIssue[]): void {
  if (issues.length > 0) throw new ImportError(issues);
}
