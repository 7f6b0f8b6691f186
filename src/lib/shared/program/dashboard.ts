/** What the program dashboard shows, as the page (server and browser) sees it. */

/** The dashboard's choices, all in its URL. */
export interface DashboardQuery {
  org: string | null;
  from: string;
  to: string;
  asOf: string;
  indicator: string | null;
  sort: string;
  dir: 'asc' | 'desc';
}

/** One indicator against the plan's target. */
export interface TargetLine {
  code: string;
  name_vi: string;
  name_en: string;
  unit: string;
  target: number | null;
  actual: number;
  /** actual / target × 100, one decimal; null without a target */
  percent: number | null;
}

/** One child organisation with a value per indicator code. */
export interface ChildLine {
  id: string;
  name: string;
  values: Record<string, number>;
}

/** A shading band of the map legend: band 0 is exactly zero. */
export interface Band {
  n: number;
  min: number;
  max: number;
}

export interface MapArea {
  id: string;
  name: string;
  lat: number | null;
  lon: number | null;
  value: number;
  band: number;
}

export interface MapMarker {
  type: 'activity' | 'model' | 'report';
  id: string;
  lat: number | null;
  lon: number | null;
  on: string;
  label: string;
  labelEn?: string;
  place: string | null;
  count: number | null;
}

/** The communes shaded by one indicator, with activities, models and reports as markers. */
export interface DashboardMap {
  indicator: string;
  areas: MapArea[];
  shapes: { unitId: string; geojson: string }[];
  bands: Band[];
  markers: MapMarker[];
}
