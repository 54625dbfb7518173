import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OfferTerms } from './recruitment.tables';
import { contractClauses, CONTRACT_TEMPLATE_VERSION, type ContractParties } from './contract.template';

const require = createRequire(import.meta.url);

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  createPdf(doc: object): { getBuffer(): Promise<Buffer> };
}

let printer: PdfMake | undefined;

/** pdfmake with its bundled Roboto (which has every Tajik letter); no network, only its own font files. */
function pdfmake(): PdfMake {
  if (printer) return printer;
  const instance = require('pdfmake') as PdfMake;
  const fontDir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  instance.setFonts({
    Roboto: {
      normal: join(fontDir, 'Roboto-Regular.ttf'),
      bold: join(fontDir, 'Roboto-Medium.ttf'),
      italics: join(fontDir, 'Roboto-Italic.ttf'),
      bolditalics: join(fontDir, 'Roboto-MediumItalic.ttf'),
    },
  });
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy((path) => path.startsWith(fontDir));
  printer = instance;
  return instance;
}

/** Renders the bilingual contract: Russian on the left, Tajik on the right, clause by clause. */
export async function renderContractPdf(terms: OfferTerms, parties: ContractParties): Promise<Buffer> {
  const clauses = contractClauses(terms, parties);
  const doc = {
    info: {
      title: `Трудовой договор / Шартномаи меҳнатӣ ${parties.contractNumber}`,
      creator: 'Corridor',
      producer: 'Corridor',
      creationDate: new Date(`${parties.issuedOn}T00:00:00Z`),
    },
    pageSize: 'A4',
    pageMargins: [36, 48, 36, 48],
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 },
    footer: (page: number, count: number) => ({
      text: `${CONTRACT_TEMPLATE_VERSION} · ${parties.contractNumber} · ${page}/${count}`,
      alignment: 'center',
      fontSize: 7,
      color: '#666666',
    }),
    content: [
      {
        columns: [
          { text: 'ТРУДОВОЙ ДОГОВОР\n(организованный набор)', style: 'title' },
          { text: 'ШАРТНОМАИ МЕҲНАТӢ\n(ҷалби муташаккилона)', style: 'title' },
        ],
        columnGap: 18,
      },
      {
        columns: [
          { text: `№ ${parties.contractNumber}, ${parties.issuedOn}`, alignment: 'center' },
          { text: `№ ${parties.contractNumber}, ${parties.issuedOn}`, alignment: 'center' },
        ],
        columnGap: 18,
        margin: [0, 0, 0, 12],
      },
      ...clauses.map((c) => ({ columns: [{ text: c.ru }, { text: c.tg }], columnGap: 18, margin: [0, 0, 0, 8] })),
      {
        columns: [
          { text: 'Подписи сторон ставятся в системе Corridor; сведения о подписях (кто, когда, откуда) и хеш документа хранятся в системе.', italics: true },
          {
            text: 'Имзоҳои тарафҳо дар низоми Corridor гузошта мешаванд; маълумот дар бораи имзоҳо (кӣ, кай, аз куҷо) ва хеши ҳуҷҷат дар низом нигоҳ дошта мешаванд.',
            italics: true,
          },
        ],
        columnGap: 18,
        margin: [0, 12, 0, 0],
      },
      {
        columns: [
          { text: 'Работодатель / Корфармо\n\n______________________', margin: [0, 24, 0, 0] },
          { text: 'Работник / Корманд\n\n______________________', margin: [0, 24, 0, 0] },
        ],
        columnGap: 18,
      },
    ],
    styles: { title: { fontSize: 13, bold: true, alignment: 'center', margin: [0, 0, 0, 6] } },
  };
  return pdfmake().createPdf(doc).getBuffer();
}
