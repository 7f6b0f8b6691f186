/**
 * Content-Disposition for a download whose name may be Vietnamese ("01/QĐ-HNCT.docx").
 * Headers only carry Latin-1 bytes, so a raw Vietnamese name makes the response fail; browsers
 * read the UTF-8 name from `filename*` (RFC 6266 / RFC 5987) and older clients the ASCII one.
 */
export function contentDisposition(name: string, kind: 'attachment' | 'inline' = 'attachment'): string {
  // eslint-disable-next-line no-control-regex -- control characters are what must be removed
  const safe = name.replace(/[/\\]/g, '-').replace(/[\u0000-\u001f\u007f]/g, '');
  return `${kind}; filename="${asciiName(safe)}"; filename*=UTF-8''${encodeRfc5987(safe)}`;
}

/** The name without diacritics ("QĐ" → "QD"); anything still outside printable ASCII becomes "_". */
function asciiName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
}

/** Percent-encoding for `filename*`: encodeURIComponent leaves ' ( ) * which RFC 5987 forbids. */
function encodeRfc5987(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
