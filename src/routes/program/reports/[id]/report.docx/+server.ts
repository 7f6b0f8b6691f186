/** The report as a Decree-30 .docx (see report-file.server.ts). */
import { reportFile } from '../report-file.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = reportFile('docx');
