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
