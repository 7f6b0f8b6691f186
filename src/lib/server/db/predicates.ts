/**
 * Conditions every repository shares. Validity periods are half-open [valid_from, valid_to):
 * a row is valid on `date` when valid_from <= date and (valid_to is null or valid_to > date).
 * Search columns hold folded text (see $lib/shared/text.ts fold()), so matching is a plain
 * LIKE with an explicit escape character, which behaves the same on SQLite and PostgreSQL.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { fold } from '$lib/shared/text';

/** `<table>.valid_from <= date < <table>.valid_to` (open-ended when valid_to is null). */
export function validOn<DB, TB extends keyof DB & string>(table: TB, date: string) {
  return (eb: ExpressionBuilder<DB, TB>): Expression<SqlBool> => {
    const from = sql.ref(`${table}.valid_from`);
    const to = sql.ref(`${table}.valid_to`);
    return eb.and([sql<SqlBool>`${from} <= ${date}`, sql<SqlBool>`(${to} is null or ${to} > ${date})`]);
  };
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
