/** Password rules, pure so the form schema, the service and the CLI agree. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

/** Returns the catalogue key of the first broken rule, or null. `prefix` picks the wording. */
export function passwordProblem(password: string, username: string, prefix: 'auth' | 'admin' = 'auth'): string | null {
  if (password.length < PASSWORD_MIN) return `${prefix}_err_password_short`;
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) return `${prefix}_err_password_username`;
  return null;
}
