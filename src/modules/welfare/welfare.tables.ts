import type { Generated } from 'kysely';

export interface NotificationOutboxTable {
  id: Generated<string>;
  person_id: string;
  channel: 'email' | 'sms';
  recipient: string;
  locale: 'tg' | 'ru' | 'en';
  event: string;
  subject: string | null;
  body: string;
  dedupe_key: string;
  status: Generated<'pending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  provider_message_id: string | null;
  created_at: Generated<Date>;
  sent_at: Date | null;
}

export type GrievanceCategory = 'wages_unpaid' | 'documents_withheld' | 'contract_changed' | 'unsafe_housing' | 'other';

export interface GrievanceTable {
  id: Generated<string>;
  reference: string;
  case_id: string;
  person_id: string;
  employer_organization_id: string | null;
  category: GrievanceCategory;
  language: 'tg' | 'ru' | 'en';
  status: 'open' | 'acknowledged' | 'resolved' | 'closed' | 'withdrawn';
  source: Generated<'worker' | 'system'>;
  ack_due_at: Date;
  acknowledged_at: Date | null;
  escalated_at: Date | null;
  employer_contacted_at: Date | null;
  resolved_at: Date | null;
  request_id: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface GrievanceMessageTable {
  id: Generated<string>;
  grievance_id: string;
  author_user_id: string | null;
  author_role: string;
  audience: 'worker' | 'internal' | 'employer';
  body: string;
  request_id: string;
  created_at: Generated<Date>;
}

export interface GrievanceAttachmentTable {
  id: Generated<string>;
  grievance_id: string;
  message_id: string;
  file_name: string;
  content_type: 'image/jpeg' | 'image/png' | 'application/pdf';
  size_bytes: number;
  sha256: string;
  content: Buffer;
  created_at: Generated<Date>;
}

declare module '../../platform/database/database' {
  interface Database {
    notification_outbox: NotificationOutboxTable;
    grievances: GrievanceTable;
    grievance_messages: GrievanceMessageTable;
    grievance_attachments: GrievanceAttachmentTable;
  }
}
