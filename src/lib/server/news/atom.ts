/**
 * Atom 1.0 (RFC 4287) for the news feeds. Small enough to write directly: the only rules that
 * matter are escaping, absolute links and RFC 3339 dates, and all three are handled here.
 */
import { stripNonXmlChars } from '$lib/server/xml-chars';

export interface AtomEntry {
  id: string;
  title: string;
  link: string;
  published: string;
  updated: string;
  author: string;
  summary: string;
  image: string | null;
}

export interface AtomFeed {
  id: string;
  title: string;
  self: string;
  alternate: string;
  updated: string;
  entries: AtomEntry[];
}

const esc = (s: string) =>
  stripNonXmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function entry(e: AtomEntry): string {
  return [
    '  <entry>',
    `    <id>${esc(e.id)}</id>`,
    `    <title>${esc(e.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${esc(e.link)}"/>`,
    `    <published>${esc(e.published)}</published>`,
    `    <updated>${esc(e.updated)}</updated>`,
    `    <author><name>${esc(e.author)}</name></author>`,
    `    <summary>${esc(e.summary)}</summary>`,
    e.image ? `    <link rel="enclosure" type="image/jpeg" href="${esc(e.image)}"/>` : null,
    '  </entry>'
  ]
    .filter(Boolean)
    .join('\n');
}

export function atomFeed(f: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
    `  <id>${esc(f.id)}</id>`,
    `  <title>${esc(f.title)}</title>`,
    `  <updated>${esc(f.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${esc(f.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${esc(f.alternate)}"/>`,
    ...f.entries.map(entry),
    '</feed>',
    ''
  ].join('\n');
}
