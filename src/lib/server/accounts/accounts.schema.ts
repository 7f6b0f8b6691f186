/** Admin forms for accounts, role grants and API tokens. Messages are catalogue keys. */
import { z } from 'zod';
import { ROLES } from '$lib/shared/roles';
import { clean } from '$lib/shared/text';
import { passwordProblem, PASSWORD_MAX } from '$lib/server/auth/password.policy';

export const USERNAME_RE = /^[a-z0-9._-]{3,40}$/;

const username = z
  .string('err_required')
  .trim()
  .toLowerCase()
  .min(1, 'err_required')
  .regex(USERNAME_RE, 'admin_err_username_format');

const displayName = z
  .string('err_required')
  .transform(clean)
  .pipe(z.string().min(1, 'err_required').max(120, 'err_too_long'));

/** Optional phone: blank → null; spaces and dots people type are dropped. */
const phone = z
  .string()
  .optional()
  .transform((v) => (v ? v.replace(/[\s.-]/g, '') : '') || null)
  .refine((v) => v === null || /^0\d{9}$/.test(v), 'err_phone');

const password = z.string('err_required').min(1, 'err_required').max(PASSWORD_MAX, 'err_too_long');

/** Checkbox: present ('on', '1', 'true') → 1, absent → 0. */
const flag = z
  .string()
  .optional()
  .transform((v) => (v && v !== '0' && v !== 'false' ? 1 : 0));

export const createAccountSchema = z
  .object({ username, display_name: displayName, phone, password })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, v.username, 'admin');
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });
export type CreateAccountInput = z.infer<typeof createAccountSchema>;

export const updateAccountSchema = z.object({ display_name: displayName, phone, disabled: flag });
export type UpdateAccountInput = z.infer<typeof updateAccountSchema>;

export function resetPasswordSchema(forUsername: string) {
  return z.object({ password }).superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, forUsername, 'admin');
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });
}

export const grantSchema = z.object({
  role: z.enum(ROLES, 'err_required'),
  organisation_id: z.string('err_required').trim().min(1, 'err_required').max(64, 'err_invalid')
});
export type GrantInput = z.infer<typeof grantSchema>;

export const tokenSchema = z.object({
  name: z.string('err_required').transform(clean).pipe(z.string().min(1, 'err_required').max(80, 'err_too_long'))
});
