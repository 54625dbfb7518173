import { audit, type ActionContext } from '../../platform/audit/audit';
import { isUniqueViolation, type Tx } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { insertPerson } from './person.repository';
import type { NewPerson } from './person.schema';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'person.created': Record<string, never>;
  }
}

export async function createPerson(trx: Tx, context: ActionContext, input: NewPerson): Promise<string> {
  try {
    const id = await insertPerson(trx, input);
    await audit(trx, context, { type: 'person.created', entityType: 'person', entityId: id, data: {} });
    return id;
  } catch (error) {
    if (isUniqueViolation(error, 'persons_passport_key')) {
      throw new DomainError('person.conflict', { fields: [{ path: 'passportNumber', code: 'taken', message: 'a person with this passport is registered' }] });
    }
    throw error;
  }
}
