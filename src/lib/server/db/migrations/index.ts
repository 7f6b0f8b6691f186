import type { Migration } from 'kysely';
import * as m001 from './001_foundation';

/** Add new migrations here, in order. Never edit a migration that has shipped. */
export const migrations: Record<string, Migration> = {
  '001_foundation': m001
};
