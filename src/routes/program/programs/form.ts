/** Route glue shared by the program create and edit pages (no rules here). */
import { programSchema } from '$lib/server/program/programs/program.schema';
import { formValues, validate } from '$lib/server/forms';
import type { UploadedDocument } from '$lib/server/program/programs/program.document';

export async function readProgramForm(request: Request) {
  const form = await request.formData();
  const values = formValues(form);
  const file = form.get('document');
  const doc: UploadedDocument | null =
    file && typeof file !== 'string' && file.size > 0
      ? { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) }
      : null;
  return { values, doc, parsed: validate(programSchema, values) };
}
