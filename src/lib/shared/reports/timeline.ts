/** One step in a report's history, as the officers' page and the reporter's follow-up show it. */
export interface TimelineEntry {
  id: string;
  kind: string;
  from: string | null;
  to: string | null;
  visibleToReporter: boolean;
  body: string | null;
  data: Record<string, unknown> | null;
  at: string;
  org: string | null; // the acting office, never a person
  merged: boolean; // from the master report of a duplicate
}
