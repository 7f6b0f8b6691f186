/** Report enums and limits shared by server and UI. Labels live in messages/{locale}/reports.json. */
export const CHANNELS = ['phan_anh', 'kien_nghi', 'to_cao'] as const;
export type Channel = (typeof CHANNELS)[number];

export const PROTECTIONS = ['named', 'confidential', 'anonymous'] as const;
export type Protection = (typeof PROTECTIONS)[number];

/** A tố cáo must identify the denouncer (Law on Denunciation 2018 Art. 23, 25). */
export function allowedProtections(channel: Channel): readonly Protection[] {
  return channel === 'to_cao' ? ['named', 'confidential'] : PROTECTIONS;
}

/**
 * The protection a form starts with on each path, always one the server accepts: giấu tên
 * when people report for themselves, giữ kín danh tính when a tố cáo must name someone or a
 * leader credits a member (the member is on record, so the report cannot be anonymous).
 */
export function defaultProtection(channel: string, observerKind: string): Protection {
  return channel === 'to_cao' || observerKind === 'member' ? 'confidential' : 'anonymous';
}

export const CONSENT_METHODS = ['oral_witness', 'signature', 'fingerprint'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

// 'address': only a free-text place, no commune yet; an officer of the province Hội places it.
export const LOCATION_PRECISIONS = ['gps', 'pin', 'photo', 'village', 'commune', 'address'] as const;
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];

export const ATTACHMENT_KINDS = ['photo', 'audio', 'document'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const STAGES = ['verify', 'accept', 'resolve'] as const;
export type Stage = (typeof STAGES)[number];

export const EVENT_KINDS = [
  'status',
  'message',
  'reply',
  'forward',
  'note',
  'merge',
  'extension',
  'rating',
  'attachment'
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const LIMITS = {
  photos: 5,
  photoBytes: 10 * 1024 * 1024,
  descriptionChars: 4000,
  reopenDays: 30,
  duplicateMeters: 500,
  duplicateDays: 14,
  publicGridMeters: 500
} as const;
