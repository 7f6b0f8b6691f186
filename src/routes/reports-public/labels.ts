/** Labels of the public side: progress told as one of four plain states (words from one place). */
export { publicStateLabel, publicStatusLabel } from '$lib/shared/reports/public-status-label';
