/**
 * Characters XML 1.0 does not allow anywhere in a document (C0 controls other than tab, LF and
 * CR, lone surrogates, U+FFFE/U+FFFF). Text people paste can carry them, and escaping cannot
 * help (`&#1;` is just as illegal), so every XML writer drops them and keeps the rest.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export const stripNonXmlChars = (s: string): string => s.replace(NOT_XML, '');
