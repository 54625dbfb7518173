import { z } from 'zod';
import { addDays } from '../../platform/calendar';
import { inTransaction, type Db } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { defineRoute, type RouteDefinition } from '../../platform/http/route';
import type { KeyVault } from '../credentials';
import { bookAppointment, cancelAppointment, listPublishedSeeds, rescheduleAppointment } from './appointment.service';
import { allocateClinic } from './allocation';
import { approveClinic, listClinics, registerClinic, suspendClinic } from './clinic.service';
import { recordResults, signOffExam } from './exam.service';
import { getClinicStats, getDayList, getExamView, getMyMedical } from './medical.queries';
import {
  BookingRequest,
  ClinicStats,
  ClinicView,
  DayList,
  ExamView,
  MyMedical,
  NewClinic,
  NewProcedureVersion,
  ProcedureView,
  RescheduleRequest,
  ResultEntry,
  SignOffRequest,
} from './medical.schema';
import { approveProcedure, draftProcedureVersion, listProcedures } from './procedure.service';
import { clinicAdminRoutes } from './certificate.routes';

const IdParams = z.object({ id: z.uuid() });
const Day = z.iso.date();

export function medicalRoutes(db: Db, vault: KeyVault): RouteDefinition[] {
  return [...applicantRoutes(db), ...clinicRoutes(db, vault), ...clinicAdminRoutes(db, vault), ...allocationRoutes(db), ...authorityRoutes(db, vault)];
}

function applicantRoutes(db: Db): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/medical/me',
      permission: 'appointment.own',
      summary: "The applicant's examination: appointment, state and certificate (never a result)",
      tags: ['medical'],
      schema: { response: { 200: MyMedical } },
      handler: ({ principal }) => getMyMedical(db, principal),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/medical/appointments',
      permission: 'appointment.own',
      summary: 'Book an examination day; the clinic is allocated from the published seed (idempotent by requestId)',
      tags: ['medical'],
      schema: { body: BookingRequest, response: { 200: MyMedical } },
      handler: async ({ body, principal, context }) => {
        await bookAppointment(db, principal, context, body);
        return getMyMedical(db, principal);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/medical/appointments/:id/reschedule',
      permission: 'appointment.own',
      summary: 'Move a booking to another day (until the day before); the clinic is allocated anew',
      tags: ['medical'],
      schema: { params: IdParams, body: RescheduleRequest, response: { 200: MyMedical } },
      handler: async ({ params, body, principal, context }) => {
        await rescheduleAppointment(db, principal, context, params.id, body);
        return getMyMedical(db, principal);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/medical/appointments/:id/cancel',
      permission: 'appointment.own',
      summary: 'Cancel a booking (until the day before); the case returns to registered',
      tags: ['medical'],
      schema: { params: IdParams, response: { 200: MyMedical } },
      handler: async ({ params, principal, context }) => {
        await cancelAppointment(db, principal, context, params.id);
        return getMyMedical(db, principal);
      },
    }),
  ];
}

function clinicRoutes(db: Db, vault: KeyVault): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/medical/day-list',
      permission: 'appointment.day_list',
      summary: "The caller's clinic appointments of a day",
      tags: ['medical'],
      schema: { querystring: z.object({ day: Day }), response: { 200: DayList } },
      handler: ({ query, principal }) => getDayList(db, principal, query.day),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/medical/appointments/:id/exam',
      permission: 'exam.read',
      summary: 'An exam with its results per test (health roles; clinics only their own); the read is audited',
      tags: ['medical'],
      schema: { params: IdParams, response: { 200: ExamView } },
      handler: ({ params, principal, context }) => getExamView(db, principal, context, params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/medical/appointments/:id/results',
      permission: 'exam.record',
      summary: 'Enter results per test (clinic staff of the clinic, from the appointment day on)',
      tags: ['medical'],
      schema: { params: IdParams, body: ResultEntry, response: { 200: ExamView } },
      handler: async ({ params, body, principal, context }) => {
        await recordResults(db, principal, context, params.id, body.results);
        return getExamView(db, principal, context, params.id);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/medical/appointments/:id/sign-off',
      permission: 'exam.sign_off',
      summary: 'Sign off an exam (head physician, not one who entered a result): certificate or referral',
      tags: ['medical'],
      schema: { params: IdParams, body: SignOffRequest, response: { 200: ExamView } },
      handler: async ({ params, body, principal, context }) => {
        await signOffExam(db, principal, context, vault, params.id, body);
        return getExamView(db, principal, context, params.id);
      },
    }),
  ];
}

function allocationRoutes(db: Db): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/medical/allocation-seeds',
      permission: 'public',
      summary: 'Published daily allocation seeds (public, so anyone can recompute an allocation)',
      tags: ['medical'],
      schema: {
        querystring: z.object({ from: Day.optional(), to: Day.optional() }),
        response: { 200: z.object({ items: z.array(z.object({ day: Day, seed: z.string(), publishedAt: z.string() })) }) },
      },
      handler: async ({ query }) => {
        const rows = await listPublishedSeeds(db, query.from ?? addDays(new Date().toISOString().slice(0, 10), -1), query.to ?? '9999-12-31');
        return { items: rows.map((r) => ({ day: r.day, seed: r.seed, publishedAt: r.publishedAt.toISOString() })) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/medical/appointments/:id/allocation',
      permission: 'public',
      summary: "An appointment's allocation record, recomputed (no personal data)",
      tags: ['medical'],
      schema: {
        params: IdParams,
        response: {
          200: z.object({
            appointmentId: z.uuid(),
            day: Day,
            seed: z.string(),
            seedPublishedAt: z.string(),
            bookedAt: z.string(),
            candidates: z.array(z.object({ clinicId: z.string(), free: z.number() })),
            draw: z.number(),
            clinicId: z.uuid(),
            recomputedClinicId: z.string().nullable(),
            consistent: z.boolean(),
          }),
        },
      },
      handler: async ({ params }) => {
        const row = await db
          .selectFrom('medical_appointments as a')
          .innerJoin('allocation_seeds as s', 's.day', 'a.day')
          .select(['a.id', 'a.day', 'a.clinic_id', 'a.allocation', 'a.created_at', 's.seed', 's.published_at'])
          .where('a.id', '=', params.id)
          .executeTakeFirst();
        if (!row) throw new DomainError('appointment.not_found');
        const again = allocateClinic(row.seed, row.id, row.allocation.candidates);
        return {
          appointmentId: row.id,
          day: row.day,
          seed: row.seed,
          seedPublishedAt: row.published_at.toISOString(),
          bookedAt: row.created_at.toISOString(),
          candidates: [...row.allocation.candidates],
          draw: row.allocation.draw,
          clinicId: row.clinic_id,
          recomputedClinicId: again?.clinicId ?? null,
          consistent: again?.clinicId === row.clinic_id && row.published_at <= row.created_at,
        };
      },
    }),
  ];
}

function authorityRoutes(db: Db, vault: KeyVault): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/medical/procedures',
      permission: 'procedure.read',
      summary: 'Procedure versions (the newest approved one is in force)',
      tags: ['medical'],
      schema: { response: { 200: z.object({ items: z.array(ProcedureView) }) } },
      handler: async () => ({ items: await listProcedures(db) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/medical/procedures',
      permission: 'procedure.manage',
      summary: 'Draft the next version of a procedure (health authority)',
      tags: ['medical'],
      schema: { body: NewProcedureVersion, response: { 200: ProcedureView } },
      handler: ({ body, context }) => inTransaction(db, (trx) => draftProcedureVersion(trx, context, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/medical/procedures/:id/approve',
      permission: 'procedure.manage',
      summary: 'Approve a drafted procedure version; earlier versions are retired (old certificates are unchanged)',
      tags: ['medical'],
      schema: { params: IdParams, response: { 200: ProcedureView } },
      handler: ({ params, context }) => inTransaction(db, (trx) => approveProcedure(trx, context, params.id)),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/medical/stats',
      permission: 'clinic.stats',
      summary: 'Per-clinic volumes and pass rates (health authority)',
      tags: ['medical'],
      schema: { response: { 200: ClinicStats } },
      handler: () => getClinicStats(db),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/medical/clinics',
      permission: 'clinic.list',
      summary: 'Clinics with capacity, hours and status',
      tags: ['medical'],
      schema: { response: { 200: z.object({ items: z.array(ClinicView) }) } },
      handler: async () => ({ items: await listClinics(db) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/medical/clinics',
      permission: 'clinic.manage',
      summary: 'Register a clinic (pending until approved)',
      tags: ['medical'],
      schema: { body: NewClinic, response: { 200: ClinicView } },
      handler: ({ body, context }) => registerClinic(db, context, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/medical/clinics/:id/approve',
      permission: 'clinic.manage',
      summary: 'Approve a clinic: it receives bookings and gets a signing key certified by the root',
      tags: ['medical'],
      schema: { params: IdParams, response: { 200: z.object({ items: z.array(ClinicView) }) } },
      handler: async ({ params, principal, context }) => {
        await inTransaction(db, (trx) => approveClinic(trx, principal, context, vault, params.id));
        return { items: await listClinics(db) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/medical/clinics/:id/suspend',
      permission: 'clinic.manage',
      summary: 'Suspend a clinic: no bookings or sign-offs; its keys are untrusted for anything signed from now on',
      tags: ['medical'],
      schema: { params: IdParams, response: { 200: z.object({ items: z.array(ClinicView) }) } },
      handler: async ({ params, context }) => {
        await inTransaction(db, (trx) => suspendClinic(trx, context, vault, params.id));
        return { items: await listClinics(db) };
      },
    }),
  ];
}
