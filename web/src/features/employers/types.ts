/** Answers of the employers API, typed from the server's zod schemas. */
import type { z } from 'zod';
import type {
  EmployerView as EmployerViewSchema,
  LabourRequestView as LabourRequestViewSchema,
  QuotaView as QuotaViewSchema,
} from '../../../../src/modules/employers/employer.schema';

export type EmployerView = z.infer<typeof EmployerViewSchema>;
export type LabourRequestView = z.infer<typeof LabourRequestViewSchema>;
export type QuotaView = z.infer<typeof QuotaViewSchema>;

export interface ReferenceLists {
  versions: Record<string, string>;
  occupations: Array<{ code: string; skillLevel: number; en: string; ru?: string; tg?: string }>;
  regions: Array<{ code: string; en: string; ru: string; minimumWageRub: number }>;
  sectors: Array<{ code: string; en: string; ru: string; tg: string }>;
}

export interface SectorBan {
  region: string;
  sector: string;
  source: 'reference' | 'agency';
  reason: string | null;
}
