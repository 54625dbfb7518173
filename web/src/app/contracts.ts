/** Types of the API's answers, taken from the server's zod schemas so client and server cannot drift. */
import type { z } from 'zod';
import type { CaseDetail as CaseDetailSchema, CaseList as CaseListSchema } from '../../../src/modules/journey/case.schema';
import type {
  GrievanceDetail as GrievanceDetailSchema,
  GrievanceStats as GrievanceStatsSchema,
  GrievanceSummary as GrievanceSummarySchema,
} from '../../../src/modules/welfare/grievance.schema';

export type CaseDetail = z.infer<typeof CaseDetailSchema>;
export type CaseList = z.infer<typeof CaseListSchema>;
export type CaseSummary = CaseList['items'][number];
export type GrievanceSummary = z.infer<typeof GrievanceSummarySchema>;
export type GrievanceDetail = z.infer<typeof GrievanceDetailSchema>;
export type GrievanceStats = z.infer<typeof GrievanceStatsSchema>;
export type Role =
  | 'applicant'
  | 'clinic_staff'
  | 'clinic_head'
  | 'health_authority'
  | 'origin_agency'
  | 'destination_agency'
  | 'employer'
  | 'mvd_office'
  | 'consular_office'
  | 'admin'
  | 'auditor';

export interface Me {
  userId: string;
  role: Role;
  organizationId: string | null;
  organizationName: string | null;
  personId: string | null;
  displayName: string;
  locale: 'tg' | 'ru' | 'en';
}
