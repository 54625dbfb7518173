import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../../platform/config';

/** What a channel needs to deliver one message. `reference` is the outbox id, for the provider to deduplicate. */
export interface OutgoingMessage {
  readonly reference: string;
  readonly to: string;
  readonly subject: string | null;
  readonly body: string;
}

export interface NotificationProvider {
  readonly name: string;
  send(message: OutgoingMessage): Promise<{ providerMessageId: string }>;
}

/** E-mail over SMTP; the Message-ID is derived from the outbox id so that a resend after a crash is recognisable. */
export function createSmtpProvider(smtpUrl: string, from: string): NotificationProvider {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    name: 'smtp',
    async send(message) {
      const messageId = `<${message.reference}@corridor>`;
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject ?? '',
        text: message.body,
        messageId,
        headers: { 'X-Corridor-Reference': message.reference },
      });
      return { providerMessageId: messageId };
    },
  };
}

/** Development e-mail: one .eml file per message, named after the outbox id (writing it twice changes nothing). */
export function createMailFileProvider(dir: string, from: string): NotificationProvider {
  return {
    name: 'mail-file',
    async send(message) {
      mkdirSync(dir, { recursive: true });
      const eml = [
        `From: ${from}`,
        `To: ${message.to}`,
        `Subject: ${message.subject ?? ''}`,
        `Message-ID: <${message.reference}@corridor>`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        message.body,
        '',
      ].join('\r\n');
      writeFileSync(join(dir, `${message.reference}.eml`), eml);
      return { providerMessageId: message.reference };
    },
  };
}

/**
 * Development SMS: one JSON line per message in a daily file. A real gateway implements the same interface
 * and passes `reference` as its client reference, which gateways use to drop duplicates.
 */
export function createSmsFileProvider(dir: string): NotificationProvider {
  return {
    name: 'sms-file',
    async send(message) {
      mkdirSync(dir, { recursive: true });
      appendFileSync(
        join(dir, `${new Date().toISOString().slice(0, 10)}.jsonl`),
        `${JSON.stringify({ reference: message.reference, to: message.to, text: message.body })}\n`,
      );
      return { providerMessageId: message.reference };
    },
  };
}

export interface Providers {
  readonly email: NotificationProvider;
  readonly sms: NotificationProvider;
}

export function providersFromConfig(config: Config): Providers {
  return {
    email: config.mail.smtpUrl
      ? createSmtpProvider(config.mail.smtpUrl, config.mail.from)
      : createMailFileProvider(join(config.dataDir, 'mail-outbox'), config.mail.from),
    sms: createSmsFileProvider(config.smsOutboxDir),
  };
}
