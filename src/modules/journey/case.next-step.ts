import type { Deadline, DeadlineKind } from './case.deadlines';
import type { NEXT_STEPS } from './case.schema';
import type { CaseStatus } from './case.workflow';

export type NextStepCode = (typeof NEXT_STEPS)[number];

/** What the worker should do next in each status, and which deadline belongs to that step. */
export const NEXT_STEP_BY_STATUS: Readonly<Record<CaseStatus, { code: NextStepCode; deadline?: DeadlineKind }>> = {
  registered: { code: 'book_medical', deadline: 'round_booking' },
  medical_booked: { code: 'attend_medical', deadline: 'medical_appointment' },
  medical_not_cleared: { code: 'see_doctor' },
  medical_cleared: { code: 'await_screening' },
  screening_hold: { code: 'await_screening_review' },
  screened_clear: { code: 'complete_pool_requirements' },
  refused: { code: 'none' },
  in_pool: { code: 'await_shortlist' },
  shortlisted: { code: 'await_employer_choice' },
  selected: { code: 'await_offer' },
  offered: { code: 'answer_offer', deadline: 'offer_response' },
  contracted: { code: 'prepare_departure', deadline: 'departure' },
  departed: { code: 'confirm_arrival' },
  arrived: { code: 'register_and_apply_patent', deadline: 'migration_registration' },
  permitted: { code: 'start_work', deadline: 'patent_payment' },
  employed: { code: 'keep_patent_paid', deadline: 'patent_payment' },
  completed: { code: 'none' },
  returned: { code: 'none' },
  withdrawn: { code: 'none' },
  closed: { code: 'none' },
};

export function nextStepFor(status: CaseStatus, deadlines: readonly Deadline[]): { code: NextStepCode; deadline: Deadline | null } {
  const step = NEXT_STEP_BY_STATUS[status];
  const deadline = step.deadline ? (deadlines.find((d) => d.kind === step.deadline) ?? null) : null;
  return { code: step.code, deadline };
}
