/** The officer's "Xác định địa điểm" form: a commune (required), its village and a point (optional). */
import { z } from 'zod';

const text = (max: number) =>
  z.preprocess((v) => (v == null ? '' : String(v)), z.string().trim().max(max, 'err_too_long'));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Officers copy coordinates from phone map apps, which in Vietnamese write "22,4331".
const coord = (limit: number) =>
  text(32)
    .transform((v) => v.replace(',', '.'))
    .refine((v) => v === '' || (Number.isFinite(Number(v)) && Math.abs(Number(v)) <= limit), 'ri_err_coords');

export const placeSchema = z
  .object({
    commune_id: text(64).pipe(z.string().min(1, 'o311_err_commune').regex(UUID, 'o311_err_commune')),
    village_id: text(64).refine((v) => v === '' || UUID.test(v), 'err_invalid'),
    lat: coord(90),
    lon: coord(180)
  })
  .superRefine((v, ctx) => {
    if (v.lat === '' && v.lon !== '') ctx.addIssue({ code: 'custom', path: ['lat'], message: 'ri_err_coords' });
    if (v.lon === '' && v.lat !== '') ctx.addIssue({ code: 'custom', path: ['lon'], message: 'ri_err_coords' });
  });

export type PlaceInput = z.output<typeof placeSchema>;
