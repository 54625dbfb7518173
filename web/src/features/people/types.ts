/** Types of the people API's answers, taken from the server's zod schemas. */
import type { z } from 'zod';
import type { DuplicateCandidate as DuplicateSchema, PersonDetail as PersonDetailSchema } from '../../../../src/modules/people/person.schema';

export type DuplicateCandidate = z.infer<typeof DuplicateSchema>;
export type PersonDetail = z.infer<typeof PersonDetailSchema>;
