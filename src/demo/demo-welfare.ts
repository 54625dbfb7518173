import type { ActionContext } from '../platform/audit/audit';
import { addDays, todayIn } from '../platform/calendar';
import type { Tx } from '../platform/database/database';
import { importWorkerGrievance } from '../modules/welfare';
import type { DemoWorld } from './demo-world';

/**
 * After-arrival demo data: patents with payments for workers who have one, a travel group for a contracted
 * worker, and grievances in different states so the Moscow office has a queue.
 */
export async function seedWelfareDemo(trx: Tx, context: ActionContext, world: DemoWorld): Promise<void> {
  const moscowToday = todayIn('Europe/Moscow');
  let serial = 0;
  for (const applicant of world.applicants) {
    if (!['permitted', 'employed', 'completed', 'returned'].includes(applicant.status)) continue;
    serial += 1;
    const kase = await trx.selectFrom('cases').select(['arrived_on']).where('id', '=', applicant.caseId).executeTakeFirstOrThrow();
    if (!kase.arrived_on) continue;
    const issuedOn = addDays(kase.arrived_on, 12);
    await trx
      .insertInto('patents')
      .values({
        case_id: applicant.caseId,
        number: `66 26${String(10_000_000 + serial * 7_331).slice(0, 8)}`,
        region: serial % 2 ? 'RU-SVE' : 'RU-TA',
        issued_on: issuedOn,
        recorded_by: null,
        request_id: `demo-patent-${applicant.caseId}`,
      })
      .execute();
    await trx
      .insertInto('patent_payments')
      .values({
        case_id: applicant.caseId,
        months: 1,
        amount_rub: 9178,
        paid_on: issuedOn,
        recorded_by: null,
        request_id: `demo-patent-pay-${applicant.caseId}`,
      })
      .execute();
  }

  const contracted = world.applicants.filter((a) => a.status === 'contracted' && !a.email);
  if (contracted.length) {
    const group = await trx
      .insertInto('travel_groups')
      .values({
        corridor_code: world.corridorCode,
        name: 'Yekaterinburg group 14',
        departure_date: addDays(world.today, 6),
        route: 'Dushanbe DYU → Yekaterinburg SVX, flight 7J 1843',
        created_by: null,
        departed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const a of contracted) await trx.updateTable('cases').set({ travel_group_id: group.id }).where('id', '=', a.caseId).execute();
  }

  const inRussia = world.applicants.filter((a) => ['arrived', 'permitted', 'employed'].includes(a.status) && !a.email);
  const stories = [
    { category: 'wages_unpaid' as const, message: 'Работодатель не выплатил зарплату за октябрь. Бригадир говорит ждать до декабря.' },
    { category: 'unsafe_housing' as const, message: 'В общежитии 12 человек в одной комнате, нет отопления.' },
    { category: 'documents_withheld' as const, message: 'Отдел кадров забрал паспорт «для оформления» и не возвращает третью неделю.' },
  ];
  for (const [index, story] of stories.entries()) {
    const worker = inRussia[index];
    if (!worker) break;
    // The third was filed five days ago and never acknowledged: it is past its SLA.
    const filedAt = index === 2 ? new Date(`${addDays(moscowToday, -5)}T09:00:00Z`) : new Date(Date.now() - (index + 1) * 3_600_000);
    await importWorkerGrievance(trx, context, {
      caseId: worker.caseId,
      category: story.category,
      language: 'ru',
      message: story.message,
      filedAt,
      importKey: `demo-grievance-${index}`,
    });
  }
}
