/**
 * Who writes public news: those who may publish reports to the public (commune and province
 * association officers). Photos showing people need a recorded consent before publication.
 */
import type { Action } from '$lib/shared/roles';

export const WRITE_NEWS: Action = 'report.publish';

export interface PhotoChoice {
  mediaId: string;
  showsPeople: boolean;
  consent: boolean;
}

/** Chosen photos that show people but have no consent tick: these block saving. */
export const photosLackingConsent = (photos: PhotoChoice[]): string[] =>
  photos.filter((p) => p.showsPeople && !p.consent).map((p) => p.mediaId);

/** Visible to the public: published, and its moment has come (a later moment is a schedule). */
export const isPublicNow = (item: { status: string; publish_at: string | null }, now: string): boolean =>
  item.status === 'published' && item.publish_at !== null && item.publish_at <= now;
