/** Types of the medical and credentials API, from the server's zod schemas. */
import type { z } from 'zod';
import type {
  ClinicStats as ClinicStatsSchema,
  ClinicView as ClinicViewSchema,
  DayList as DayListSchema,
  ExamView as ExamViewSchema,
  MyMedical as MyMedicalSchema,
  ProcedureView as ProcedureViewSchema,
} from '../../../../src/modules/medical/medical.schema';

export type MyMedical = z.infer<typeof MyMedicalSchema>;
export type DayList = z.infer<typeof DayListSchema>;
export type ExamView = z.infer<typeof ExamViewSchema>;
export type ClinicStats = z.infer<typeof ClinicStatsSchema>;
export type ClinicView = z.infer<typeof ClinicViewSchema>;
export type ProcedureView = z.infer<typeof ProcedureViewSchema>;
export { TEST_CODES } from '../../../../src/modules/medical/medical.schema';
