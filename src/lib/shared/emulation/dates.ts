/** Calendar arithmetic on 'YYYY-MM-DD' dates (UTC, so no daylight-saving surprises). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
