/** Employers: registration and verification, reference lists, sector bans, quotas, labour requests. */
import type { Db } from '../../platform/database/database';
import type { RouteDefinition } from '../../platform/http/route';
import { employersPermissions } from './employers.permissions';
import { employersRoutes as routes } from './employers.routes';
import './employer.tables';
import './employers.extensions';

export { employersPermissions };
export { saveRegistration, verifyEmployer, assertEmployerVerified } from './employer.service';
export { findEmployer } from './employer.repository';
export { submitLabourRequest, decideLabourRequest, lockApprovedRequest, getVisibleRequest } from './labour-request.service';
export { findLabourRequest, listLabourRequests } from './employer.repository';
export { setQuota, listQuotas, consumeQuota, registerContractedCounter } from './quota.service';
export { reference, isOccupation, isRegion, minimumWage, minimumWageFor } from './reference';
export { completeInn10, completeOgrn, isValidInn, isValidOgrn, isValidKpp } from './registration-numbers';
export type { LabourRequestView, EmployerView, QuotaView, LabourRequestInput } from './employer.schema';
export type { Housing } from './employer.tables';

export function employersRoutes(db: Db): RouteDefinition[] {
  return routes(db);
}
