/**
 * The code lists' labels a thi-dua page shows, worded on the server in the reader's language:
 * only the codes the page holds, so the browser carries neither the catalogue nor labels.ts.
 */
import { formLabel, groupLabel, measureLabel, resultLabel, ruleLabel, statusLabel, subjectLabel } from './labels';

type Codes = Iterable<string | null | undefined>;
const table = (label: (code: string) => string, codes: Codes): Record<string, string> =>
  Object.fromEntries([...new Set(codes)].filter((c): c is string => !!c).map((c) => [c, label(c)]));

export interface CodeLabels {
  subject: Record<string, string>;
  status: Record<string, string>;
  result: Record<string, string>;
  form: Record<string, string>;
  group: Record<string, string>;
  measure: Record<string, string>;
  rule: Record<string, string>;
}

/** One table per code list, each holding just the codes given for it. */
export function codeLabels(codes: Partial<Record<keyof CodeLabels, Codes>>): CodeLabels {
  return {
    subject: table(subjectLabel, codes.subject ?? []),
    status: table(statusLabel, codes.status ?? []),
    result: table(resultLabel, codes.result ?? []),
    form: table(formLabel, codes.form ?? []),
    group: table(groupLabel, codes.group ?? []),
    measure: table(measureLabel, codes.measure ?? []),
    rule: table(ruleLabel, codes.rule ?? [])
  };
}
