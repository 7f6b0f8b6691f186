/**
 * Conditions every repository shares. Validity periods are half-open [valid_from, valid_to):
 * a row is valid on `date` when valid_from <= date and (valid_to is null or valid_to > date).
 * Search columns hold folded text (see $lib/shared/text.ts fold()), so matching is a plain
 * LIKE with an explicit escape character, which behaves the same on SQLite and PostgreSQL.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { fold } from '$lib/shared/text';

/**
 * `<table>.valid_from <= date < <table>.valid_to` (open-ended when valid_to is null); `table`
 * is the table or its alias in the query (`validOn('u', date)` after `admin_unit as u`).
 */
export function validOn(table: string, date: string): Expression<SqlBool> {
  const from = sql.ref(`${table}.valid_from`);
  const to = sql.ref(`${table}.valid_to`);
  return sql<SqlBool>`(${from} <= ${date} and (${to} is null or ${to} > ${date}))`;
}

/** Escapes LIKE wildcards so that % and _ typed by a user match themselves. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, '\\$&');

/**
 * `column` (a folded search column) contains the folded `text`: "bao ve moi truong" finds
 * "Bảo vệ môi trường". An empty query matches everything.
 */
export function containsFolded(column: string, text: string): Expression<SqlBool> {
  const needle = fold(text).trim();
  if (!needle) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`${sql.ref(column)} like ${'%' + escapeLike(needle) + '%'} escape '\\'`;
}

/**
 * `column` contains `text` ignoring case, for plain (unfolded) columns such as the audit log's
 * names and ids. Both sides are lowered; SQLite's lower() knows ASCII letters only.
 */
export function containsIgnoringCase(column: string, text: string): Expression<SqlBool> {
  const needle = text.trim().toLowerCase();
  if (!needle) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${'%' + escapeLike(needle) + '%'} escape '\\'`;
}
