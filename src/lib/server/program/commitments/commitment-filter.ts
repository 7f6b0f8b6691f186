/** The filters of /program/commitments (also used by its exports), from the query string. */
import { z } from 'zod';
import { activityQuerySchema } from '../activities/activity-filter';

export const commitmentQuerySchema = z.object({
  village: activityQuerySchema.shape.unit,
  kind: activityQuerySchema.shape.unit,
  from: activityQuerySchema.shape.from,
  to: activityQuerySchema.shape.to,
  page: activityQuerySchema.shape.page
});

export type CommitmentQuery = z.output<typeof commitmentQuerySchema>;

export const readCommitmentQuery = (params: URLSearchParams): CommitmentQuery =>
  commitmentQuerySchema.parse(Object.fromEntries(params.entries()));
