/** The figures of a report as stored in its frozen snapshot and shown on its pages. */
export interface Figure {
  code: string;
  name: string;
  unit: string;
  value: number;
  /** the year's target from the plan; null: none */
  target: number | null;
  /** value / target × 100, one decimal */
  percent: number | null;
  /** the list of records it was counted from (within the reader's scope); null: none */
  link: string | null;
  /** per direct child organisation */
  children: { id: string; name: string; value: number }[];
}

/** A sanction decision on a report resolved in the period (the annex lists them). */
export interface Sanction {
  commune: string;
  decisionNo: string;
  /** 'YYYY-MM-DD'; null when the agency gave none */
  decisionDate: string | null;
  fineVnd: number;
  remedies: string;
}

export interface Figures {
  /** the aggregate months counted; null when the period closes no month */
  months: { from: string; to: string } | null;
  /** geography date */
  asOf: string;
  figures: Figure[];
  /** absent in reports frozen before sanctions were listed */
  sanctions?: Sanction[];
}

export const figureValue = (f: Figures | null, code: string) => f?.figures.find((x) => x.code === code)?.value ?? 0;
