/** Shared by the geography tests: where ../shared/data is, and a skip message when it is not. */
import fs from 'node:fs';
import path from 'node:path';
import { SYSTEM } from '../../src/lib/server/access/actor';

export const DATA = path.resolve(process.cwd(), '../shared/data');
export const HAS_DATA = fs.existsSync(path.join(DATA, 'README.md'));
if (!HAS_DATA) console.warn(`geo tests skipped: shared data folder not found at ${DATA}`);

export const data = (...parts: string[]) => path.join(DATA, ...parts);
export const ACTOR = { ...SYSTEM, name: 'test' };
