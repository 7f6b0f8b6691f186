/** Labels for model code lists. */
import { label } from '$lib/shared/labels/lookup';
import { MODEL_KIND, PROGRAM_STATUS } from '$lib/shared/labels/program';

export const kindLabel = (kind: string) => label(MODEL_KIND, kind);
export const statusLabel = (status: string) => label(PROGRAM_STATUS, status);
