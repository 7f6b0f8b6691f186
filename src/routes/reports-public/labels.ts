/** Catalogue labels for report enums on the public pages. */
import { label } from '$lib/shared/labels/lookup';
import { REPORT_STATUS } from '$lib/shared/labels/reports';

export const statusLabel = (status: string): string => label(REPORT_STATUS, status);
