import { describe, expect, test } from 'vitest';
import { hasMessage, LANGUAGES } from '../../platform/i18n/messages';
import { CASE_ACTIONS, DEADLINE_KINDS } from '../journey';
import { GRIEVANCE_TRANSITIONS } from './grievance.workflow';

describe('notification messages', () => {
  test('every case action has a message to the worker in every language', () => {
    for (const language of LANGUAGES)
      expect(
        CASE_ACTIONS.filter((a) => !hasMessage(language, `notifications.case.${a}`)),
        language,
      ).toEqual([]);
  });

  test('every deadline kind has a name and every reminder threshold a message', () => {
    for (const language of LANGUAGES) {
      expect(DEADLINE_KINDS.filter((k) => !hasMessage(language, `journey.deadline.${k}`))).toEqual([]);
      expect(['week', 'day', 'overdue'].filter((t) => !hasMessage(language, `notifications.deadline.${t}`))).toEqual([]);
    }
  });

  test('every grievance action an office takes has a message to the worker', () => {
    const officeActions = new Set(
      Object.values(GRIEVANCE_TRANSITIONS).flatMap((byAction) =>
        Object.entries(byAction)
          .filter(([, t]) => (t.roles as readonly string[]).includes('consular_office'))
          .map(([a]) => a),
      ),
    );
    for (const language of LANGUAGES) expect([...officeActions].filter((a) => !hasMessage(language, `notifications.grievance.${a}`))).toEqual([]);
  });
});
