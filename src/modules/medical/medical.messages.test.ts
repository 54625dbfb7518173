import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { VERIFICATION_REASONS } from '../credentials';
import { ExamView, MyMedical, TEST_CODES, ClinicView, ProcedureView } from './medical.schema';

/** Keys built from enumerations (`medical.state.${state}`) must exist for every member, in every language. */
const catalog = (language: string, ns: string) => JSON.parse(readFileSync(`i18n/${language}/${ns}.json`, 'utf8')) as Record<string, unknown>;

describe('medical, credentials and verifier messages', () => {
  test('every enumerated member has its message in tg, ru and en', () => {
    const wanted = [
      ...MyMedical.shape.state.options.flatMap((s) => [`medical.state.${s}`, `medical.state_help.${s}`]),
      ...MyMedical.shape.certificate.unwrap().shape.status.options.map((s) => `medical.certificate_status.${s}`),
      ...ExamView.shape.status.options.map((s) => `medical.exam_status.${s}`),
      ...['negative', 'positive'].map((o) => `medical.outcome.${o}`),
      ...TEST_CODES.map((c) => `medical.test.${c}`),
      ...ClinicView.shape.status.options.map((s) => `medical.clinic_status.${s}`),
      ...ProcedureView.shape.status.options.map((s) => `medical.procedure_status.${s}`),
      ...['issued_in_error', 'superseded', 'fraud', 'clinic_suspended', 'medical_finding'].map((r) => `credentials.reason.${r}`),
      ...VERIFICATION_REASONS.map((r) => `verifier.reason.${r}`),
    ];
    for (const language of ['tg', 'ru', 'en']) {
      const all = { ...catalog(language, 'medical'), ...catalog(language, 'credentials'), ...catalog(language, 'verifier') };
      expect(
        wanted.filter((key) => !(key in all)),
        language,
      ).toEqual([]);
    }
  });
});
