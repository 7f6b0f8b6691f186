/** The public figures a home or commune page shows (shared by the server and the pages). */
export const PROGRAM_FIGURES = [
  'outreach_sessions',
  'outreach_participants',
  'commitments_households',
  'active_models'
] as const;
export type ProgramFigure = (typeof PROGRAM_FIGURES)[number];

export interface PublicFigures {
  year: number;
  reportsReceived: number;
  reportsHandled: number;
  /** percent of the handled reports resolved by their deadline; null when none had one */
  onTimePercent: number | null;
  program: Record<ProgramFigure, number>;
  /**
   * How many of this year's received / handled reports the public list holds (published only):
   * the figures count every report, so their links say how many the list can show.
   */
  published?: { received: number; handled: number };
}

export const isProgramFigure = (code: string): code is ProgramFigure =>
  (PROGRAM_FIGURES as readonly string[]).includes(code);
