/** A published report as the public list, map and Open311 show it (rounded place, no reporter). */
export interface PublicReport {
  id: string;
  status: string;
  createdAt: string;
  updatedAt: string;
  observedOn: string;
  description: string;
  lat: number | null;
  lon: number | null;
  categoryCode: string;
  categoryVi: string;
  categoryEn: string;
  groupCode: string;
  communeId: string | null;
  communeName: string | null;
  agencyName: string | null;
  photos: string[]; // URLs of photos approved for the public
}

/** The 320 px copy of a public photo URL, for lists (a 1600 px copy per 96 px cell is wasted data). */
export const thumbUrl = (photo: string) => `${photo}?size=thumb`;

/** A published report as a dot on the public map (fetched only when the map is opened). */
export type PublicMarker = Pick<PublicReport, 'id' | 'status' | 'categoryVi' | 'categoryEn' | 'communeName'> & {
  lat: number;
  lon: number;
};
