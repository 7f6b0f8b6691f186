/** The report's statistical annex (phụ lục) as .xlsx (see report-file.server.ts). */
import { reportFile } from '../report-file.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = reportFile('annex');
