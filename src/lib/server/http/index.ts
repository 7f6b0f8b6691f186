/** Route glue: the only helpers routes need between SvelteKit and the services. */
export { loginHref, requireSignIn, guardRole } from './guards';
export { loadOr404, rethrowAsHttp } from './load';
export { formAction, failFromError, errorsOf, type FormContext, type FormValues } from './form-action';
export { expiredFailure, sessionExpired } from './legacy';
