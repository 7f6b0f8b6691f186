/** The criteria rows a page shows: what was typed after a failed post, else the saved criteria, plus blank rows. */
type Values = Record<string, string | string[] | undefined>;
type Criterion = { code: string; group_code: string; name: string; measure: string; target: number; points: number };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
export const BLANK_ROWS = 3;

export function criteriaRows(saved: Criterion[], posted: Values | null) {
  if (posted) {
    const ns = Object.keys(posted)
      .map((k) => /^c_name_(\d+)$/.exec(k)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    return ns.map((n) => ({
      code: one(posted[`c_code_${n}`]),
      group_code: one(posted[`c_group_${n}`]),
      name: one(posted[`c_name_${n}`]),
      measure: one(posted[`c_measure_${n}`]),
      target: one(posted[`c_target_${n}`]),
      points: one(posted[`c_points_${n}`])
    }));
  }
  const blank = { code: '', group_code: 'environment', name: '', measure: 'manual', target: '1', points: '' };
  return [
    ...saved.map((c) => ({ ...c, target: String(c.target), points: String(c.points) })),
    ...Array.from({ length: BLANK_ROWS }, () => ({ ...blank }))
  ];
}
