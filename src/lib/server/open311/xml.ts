/**
 * The XML shapes of GeoReport v2: a root element holding repeated items, each a flat record
 * (nested records and lists as in the spec: <attributes><attribute>, <values><value>).
 */
import { stripNonXmlChars } from '$lib/server/xml-chars';

export type XmlValue = string | number | boolean | null | undefined | XmlRecord | XmlList;
export interface XmlRecord {
  [key: string]: XmlValue;
}
/** A list serialised as repeated `<item>` elements. */
export interface XmlList {
  item: string;
  values: XmlValue[];
}

const escape = (s: string) =>
  stripNonXmlChars(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!
  );

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
