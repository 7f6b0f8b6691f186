/** Route glue: the only helpers routes need between SvelteKit and the services. */
export { loginHref, requireSignIn, guardRole, requireAction, safeNext } from './guards';
export { fileOr404, loadOr404, rethrowAsHttp } from './load';
export {
  formAction,
  postedForm,
  readForm,
  failFromError,
  errorsOf,
  type FormContext,
  type FormValues
} from './form-action';
export { postedFile, type PostedFile } from './files';
export { contentDisposition } from './disposition';
