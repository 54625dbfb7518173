/** Types of the screening API's answers, taken from the server's zod schemas. */
import type { z } from 'zod';
import type {
  CheckResult as CheckResultSchema,
  ListVersion as ListVersionSchema,
  ReasonItem as ReasonItemSchema,
  ReviewItem as ReviewItemSchema,
  ImportResult as ImportResultSchema,
} from '../../../../src/modules/screening/screening.schema';

export type ReviewItem = z.infer<typeof ReviewItemSchema>;
export type ReasonItem = z.infer<typeof ReasonItemSchema>;
export type ListVersion = z.infer<typeof ListVersionSchema>;
export type CheckResult = z.infer<typeof CheckResultSchema>;
export type ImportResult = z.infer<typeof ImportResultSchema>;
