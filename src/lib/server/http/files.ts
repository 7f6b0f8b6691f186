/** Files posted with a form, read for the services (which check type and size). */
export interface PostedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** The file posted under `name`, or null when none was chosen (browsers send an empty part). */
export async function postedFile(form: FormData, name: string): Promise<PostedFile | null> {
  const file = form.get(name);
  if (!(file instanceof File) || file.size === 0) return null;
  return { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) };
}
