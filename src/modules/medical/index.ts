/**
 * Medical: clinics, versioned procedures, booking with auditable random allocation, exams with per-test
 * results and two-person sign-off, and the medical certificate (issued through the credentials module).
 * Importing this file registers the journey plug-ins (guard, pool requirement, clinic visibility, deadlines).
 */
import type { Db } from '../../platform/database/database';
import type { RouteDefinition } from '../../platform/http/route';
import type { KeyVault } from '../credentials';
import { medicalRoutes as routes } from './medical.routes';
import './medical.extensions';

export { medicalPermissions } from './medical.permissions';
export { registerClinic, insertClinic, approveClinic, suspendClinic, listClinics, findClinicByOrganization } from './clinic.service';
export { draftProcedureVersion, approveProcedure, findCurrentProcedure, listProcedures } from './procedure.service';
export { bookAppointment, rescheduleAppointment, cancelAppointment, publishAllocationSeeds, BOOKING_HORIZON_DAYS, isoWeekday } from './appointment.service';
export { recordResults, signOffExam, certificateClaims } from './exam.service';
export { allocateClinic, allocationDraw } from './allocation';
export { renderCertificatePdf } from './certificate.document';
export { verifyAllocations } from './allocation.audit';
export { TEST_CODES } from './medical.schema';
export type { MyMedical, DayList, ExamView, ClinicStats, ClinicView, ProcedureView } from './medical.schema';

export function medicalRoutes(db: Db, vault: KeyVault): RouteDefinition[] {
  return routes(db, vault);
}
