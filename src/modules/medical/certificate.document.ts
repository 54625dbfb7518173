import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { renderQrPng } from '../credentials';

/**
 * The printable certificate: A4, Russian and Tajik side by side, with the QR code. pdfmake's bundled Roboto
 * has every Tajik letter (ғ ӣ қ ӯ ҳ ҷ). Texts come from the message catalogs (`medical.certificate_pdf.*`).
 */
const require = createRequire(import.meta.url);
interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: unknown): { getBuffer(): Promise<Buffer> };
}
const pdfmake = require('pdfmake') as PdfMake;
const FONT_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
    bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));

const I18N_DIR = fileURLToPath(new URL('../../../i18n', import.meta.url));
const catalogs = new Map<string, Record<string, string>>();

function message(language: 'ru' | 'tg', key: string, values: Record<string, string> = {}): string {
  let catalog = catalogs.get(language);
  if (!catalog) {
    catalog = JSON.parse(readFileSync(join(I18N_DIR, language, 'medical.json'), 'utf8')) as Record<string, string>;
    catalogs.set(language, catalog);
  }
  return String(new IntlMessageFormat(catalog[key] ?? key, language).format(values));
}

export interface CertificateFacts {
  readonly id: string;
  readonly name: { latin: string; ru: string; tg: string };
  readonly dob: string;
  readonly passport: string | null;
  readonly procedure: { code: string; version: number };
  readonly issuedAt: Date;
  readonly validUntil: Date;
  readonly issuerName: string;
  readonly issuerKid: string;
  readonly code: string;
  readonly revoked: boolean;
}

const dmy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

function row(key: string, value: string) {
  return [
    { text: [{ text: message('ru', key), bold: true }, '\n', { text: message('tg', key), color: '#555555' }], fontSize: 9 },
    { text: value, fontSize: 11 },
  ];
}

export async function renderCertificatePdf(facts: CertificateFacts): Promise<Buffer> {
  const qr = await renderQrPng(facts.code, 600);
  const both = (key: string, values?: Record<string, string>) => `${message('ru', key, values)} / ${message('tg', key, values)}`;
  const definition = {
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 56],
    info: { title: `${message('ru', 'medical.certificate_pdf.title')} ${facts.id}`, producer: 'Corridor' },
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    content: [
      { text: message('ru', 'medical.certificate_pdf.title'), fontSize: 18, bold: true, alignment: 'center' },
      { text: message('tg', 'medical.certificate_pdf.title'), fontSize: 16, bold: true, alignment: 'center', color: '#0b4f6c', margin: [0, 2, 0, 4] },
      { text: message('ru', 'medical.certificate_pdf.subtitle'), alignment: 'center', fontSize: 9 },
      { text: message('tg', 'medical.certificate_pdf.subtitle'), alignment: 'center', fontSize: 9, color: '#555555', margin: [0, 0, 0, 16] },
      ...(facts.revoked
        ? [{ text: both('medical.certificate_pdf.revoked'), color: '#b00020', bold: true, fontSize: 14, alignment: 'center', margin: [0, 0, 0, 12] }]
        : []),
      {
        table: {
          widths: [150, '*'],
          body: [
            row('medical.certificate_pdf.name_ru', facts.name.ru),
            row('medical.certificate_pdf.name_tg', facts.name.tg),
            row('medical.certificate_pdf.name_latin', facts.name.latin),
            row('medical.certificate_pdf.birth_date', dmy(facts.dob)),
            row('medical.certificate_pdf.passport', facts.passport ?? '—'),
            row('medical.certificate_pdf.procedure', `${facts.procedure.code}, v${facts.procedure.version}`),
            [
              {
                text: [
                  { text: message('ru', 'medical.certificate_pdf.conclusion'), bold: true },
                  '\n',
                  { text: message('tg', 'medical.certificate_pdf.conclusion'), color: '#555555' },
                ],
                fontSize: 9,
              },
              {
                text: [
                  { text: message('ru', 'medical.certificate_pdf.meets'), bold: true },
                  '\n',
                  { text: message('tg', 'medical.certificate_pdf.meets'), bold: true },
                ],
                fontSize: 12,
                color: '#1b5e20',
              },
            ],
            row('medical.certificate_pdf.issued', dmy(facts.issuedAt.toISOString())),
            row('medical.certificate_pdf.valid_until', dmy(facts.validUntil.toISOString())),
            row('medical.certificate_pdf.issuer', facts.issuerName),
          ],
        },
        layout: 'lightHorizontalLines',
      },
      {
        columns: [
          { image: `data:image/png;base64,${qr.toString('base64')}`, width: 190 },
          {
            width: '*',
            margin: [16, 24, 0, 0],
            stack: [
              { text: message('ru', 'medical.certificate_pdf.verify_hint'), fontSize: 10 },
              { text: message('tg', 'medical.certificate_pdf.verify_hint'), fontSize: 10, color: '#555555', margin: [0, 4, 0, 12] },
              { text: both('medical.certificate_pdf.certificate_id', { id: facts.id }), fontSize: 8, color: '#555555' },
              { text: both('medical.certificate_pdf.key_id', { kid: facts.issuerKid }), fontSize: 8, color: '#555555' },
            ],
          },
        ],
        margin: [0, 20, 0, 0],
      },
    ],
    footer: { text: both('medical.certificate_pdf.footer'), alignment: 'center', fontSize: 8, color: '#777777' },
  };
  return pdfmake.createPdf(definition).getBuffer();
}
