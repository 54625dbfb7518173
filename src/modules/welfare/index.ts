/** Welfare: grievances with SLA and escalation, and notifications to workers (DESIGN.md section 4). */
import { z } from 'zod';
import type { Config } from '../../platform/config';
import { registerJobHandler, registerRecurringJob } from '../../platform/jobs/queue';
import { closeStaleResolvedGrievances, escalateOverdueGrievances } from './grievance.service';
import { registerNotificationJobs } from './notification.service';

declare module '../../platform/jobs/queue' {
  interface JobPayloads {
    'welfare.grievance_sla': Record<string, never>;
  }
}

export { welfarePermissions } from './welfare.permissions';
export { welfareRoutes } from './welfare.routes';
export { notifyPerson, deliverNotification, sendDeadlineReminders, type Notification } from './notification.service';
export { raiseSystemGrievance, importWorkerGrievance, escalateOverdueGrievances } from './grievance.service';
export { createSmtpProvider, createSmsFileProvider, createMailFileProvider, type NotificationProvider, type Providers } from './notification.providers';

/** Jobs that need configuration (delivery providers) and the SLA clock; called once by the composition root. */
export function registerWelfareJobs(config: Config): void {
  registerNotificationJobs(config);
  registerJobHandler('welfare.grievance_sla', {
    payload: z.object({}),
    handle: async (_payload, { db }) => {
      await escalateOverdueGrievances(db);
      await closeStaleResolvedGrievances(db);
    },
  });
  registerRecurringJob('welfare.grievance_sla', 600_000, {});
}
