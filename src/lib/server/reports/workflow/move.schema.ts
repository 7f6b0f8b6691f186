/**
 * "Sửa xã/phường": the officer's correction of a report filed under the wrong commune or
 * village. A commune (required), its village (optional) and the reason (required: the old
 * commune's officers lose the report, so the history must say why).
 */
import { z } from 'zod';

const text = (max: number) =>
  z.preprocess((v) => (v == null ? '' : String(v)), z.string().trim().max(max, 'err_too_long'));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const moveSchema = z.object({
  commune_id: text(64).pipe(z.string().min(1, 'o311_err_commune').regex(UUID, 'o311_err_commune')),
  village_id: text(64).refine((v) => v === '' || UUID.test(v), 'err_invalid'),
  reason: text(2000).pipe(z.string().min(1, 'desk_move_err_reason'))
});

export type MoveInput = z.output<typeof moveSchema>;
