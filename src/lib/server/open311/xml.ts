/**
 * The XML shapes of GeoReport v2: a root element holding repeated items, each a flat record
 * (nested records and lists as in the spec: <attributes><attribute>, <values><value>).
 */
export type XmlValue = string | number | boolean | null | undefined | XmlRecord | XmlList;
export interface XmlRecord {
  [key: string]: XmlValue;
}
/** A list serialised as repeated `<item>` elements. */
export interface XmlList {
  item: string;
  values: XmlValue[];
}

/**
 * Characters XML 1.0 does not allow anywhere in a document (C0 controls other than tab, LF and
 * CR, lone surrogates, U+FFFE/U+FFFF). A reporter's pasted text can carry them; escaping cannot
 * help (`&#1;` is just as illegal), so they are dropped and the rest of the text kept.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const escape = (s: string) =>
  s
    .replace(NOT_XML, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

export const list = (item: string, values: XmlValue[]): XmlList => ({ item, values });

function isList(v: XmlValue): v is XmlList {
  return typeof v === 'object' && v !== null && 'item' in v && 'values' in v && Array.isArray((v as XmlList).values);
}

function element(name: string, value: XmlValue): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (isList(value)) return `<${name}>${value.values.map((v) => element(value.item, v)).join('')}</${name}>`;
  if (typeof value === 'object')
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => element(k, v))
      .join('')}</${name}>`;
  return `<${name}>${escape(String(value))}</${name}>`;
}

export function toXml(root: string, value: XmlValue): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}`;
}
