import { z } from 'zod';

export const signInSchema = z.object({
  login: z.string().trim().min(1, 'err_required').max(100, 'err_too_long'),
  password: z.string().min(1, 'err_required').max(200, 'err_too_long')
});
