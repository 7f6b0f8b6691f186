import { z } from 'zod';
import { passwordProblem } from './password.policy';

export const signInSchema = z.object({
  login: z.string().trim().min(1, 'err_required').max(100, 'err_too_long'),
  password: z.string().min(1, 'err_required').max(200, 'err_too_long')
});

/** Own password change. The "not the username" rule needs the account, so it is a factory. */
export function passwordChangeSchema(username: string) {
  return z
    .object({
      current: z.string().min(1, 'err_required').max(200, 'err_too_long'),
      password: z.string().min(1, 'err_required').max(200, 'err_too_long'),
      repeat: z.string().min(1, 'err_required').max(200, 'err_too_long')
    })
    .superRefine((v, ctx) => {
      const problem = passwordProblem(v.password, username);
      if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
      else if (v.password === v.current)
        ctx.addIssue({ code: 'custom', path: ['password'], message: 'auth_err_password_unchanged' });
      if (v.repeat && v.repeat !== v.password)
        ctx.addIssue({ code: 'custom', path: ['repeat'], message: 'auth_err_password_mismatch' });
    });
}
