import type { OfferTerms } from './recruitment.tables';

/**
 * The standard employment contract of organized recruitment, in Russian and Tajik side by side. The text is
 * a legal document, versioned here with the template; the parties' data comes from the accepted offer and
 * the stored forms of the worker's name, so every copy reads the same.
 */
export const CONTRACT_TEMPLATE_VERSION = 'TJ-RU-standard-2026.1';

export interface ContractParties {
  readonly workerNameRu: string;
  readonly workerNameTg: string;
  readonly workerNameLatin: string;
  readonly workerBirthDate: string;
  readonly workerPassport: string | null;
  readonly occupationRu: string;
  readonly occupationTg: string;
  readonly regionRu: string;
  readonly sectorRu: string;
  readonly sectorTg: string;
  readonly contractNumber: string;
  readonly issuedOn: string;
}

const HOUSING = {
  free: { ru: 'предоставляется работодателем бесплатно', tg: 'аз ҷониби корфармо ройгон дода мешавад' },
  paid: {
    ru: 'предоставляется работодателем с удержанием платы из заработной платы',
    tg: 'аз ҷониби корфармо бо нигоҳ доштани пардохт аз музди меҳнат дода мешавад',
  },
  none: { ru: 'не предоставляется', tg: 'дода намешавад' },
} as const;

export interface Clause {
  readonly ru: string;
  readonly tg: string;
}

export function contractClauses(terms: OfferTerms, parties: ContractParties): Clause[] {
  const wage = terms.wageRub.toLocaleString('ru-RU');
  return [
    {
      ru: `1. Работодатель: ${terms.employerLegalName}, ИНН ${terms.employerInn}, ОГРН ${terms.employerOgrn}${terms.employerKpp ? `, КПП ${terms.employerKpp}` : ''}, адрес: ${terms.employerAddress}.`,
      tg: `1. Корфармо: ${terms.employerLegalName}, РМА (ИНН) ${terms.employerInn}, ОГРН ${terms.employerOgrn}${terms.employerKpp ? `, КПП ${terms.employerKpp}` : ''}, суроға: ${terms.employerAddress}.`,
    },
    {
      ru: `2. Работник: ${parties.workerNameRu} (${parties.workerNameLatin}), дата рождения ${parties.workerBirthDate}${parties.workerPassport ? `, паспорт гражданина Республики Таджикистан № ${parties.workerPassport}` : ''}.`,
      tg: `2. Корманд: ${parties.workerNameTg} (${parties.workerNameLatin}), санаи таваллуд ${parties.workerBirthDate}${parties.workerPassport ? `, шиносномаи шаҳрванди Ҷумҳурии Тоҷикистон № ${parties.workerPassport}` : ''}.`,
    },
    {
      ru: `3. Работник принимается на должность (профессию): ${parties.occupationRu} (ISCO-08 ${terms.occupation}); вид деятельности: ${parties.sectorRu}. Место работы: ${parties.regionRu}.${terms.duties ? ` Трудовые обязанности: ${terms.duties}.` : ''}`,
      tg: `3. Корманд ба вазифаи (касби) ${parties.occupationTg} (ISCO-08 ${terms.occupation}) қабул карда мешавад; намуди фаъолият: ${parties.sectorTg}. Ҷои кор: ${parties.regionRu}.${terms.duties ? ` Ӯҳдадориҳои меҳнатӣ: ${terms.duties}.` : ''}`,
    },
    {
      ru: `4. Срок договора: ${terms.contractMonths} мес. с ${terms.startOn}. Рабочее время: ${terms.hoursPerWeek} ч в неделю.`,
      tg: `4. Мӯҳлати шартнома: ${terms.contractMonths} моҳ аз ${terms.startOn}. Вақти корӣ: ${terms.hoursPerWeek} соат дар як ҳафта.`,
    },
    {
      ru: `5. Заработная плата: ${wage} руб. в месяц до удержания налога, выплачивается не реже чем каждые полмесяца; не ниже минимального размера оплаты труда в регионе.`,
      tg: `5. Музди меҳнат: ${wage} рубл дар як моҳ пеш аз нигоҳ доштани андоз, на камтар аз ҳар ним моҳ пардохт карда мешавад; на камтар аз ҳадди ақали музди меҳнат дар минтақа.`,
    },
    { ru: `6. Жильё: ${HOUSING[terms.housing].ru}.`, tg: `6. Манзил: ${HOUSING[terms.housing].tg}.` },
    {
      ru: '7. Работодатель оформляет работнику патент и миграционный учёт в установленные сроки, не удерживает его документы, обеспечивает безопасные условия труда и медицинское страхование.',
      tg: '7. Корфармо барои корманд патент ва бақайдгирии муҳоҷиратиро дар мӯҳлатҳои муқарраршуда ба расмият медарорад, ҳуҷҷатҳои ӯро нигоҳ намедорад, шароити бехатари меҳнат ва суғуртаи тиббиро таъмин мекунад.',
    },
    {
      ru: '8. Изменение условий допускается только письменным соглашением сторон. Договор, отличающийся от этого текста, недействителен: подлинность проверяется по хешу SHA-256 этого документа.',
      tg: '8. Тағйири шартҳо танҳо бо созишномаи хаттии тарафҳо иҷозат дода мешавад. Шартномае, ки аз ин матн фарқ мекунад, беэътибор аст: аслияти он аз рӯи хеши SHA-256-и ҳамин ҳуҷҷат санҷида мешавад.',
    },
    {
      ru: '9. Споры разрешаются в соответствии с законодательством Российской Федерации и Соглашением об организованном наборе граждан Республики Таджикистан.',
      tg: '9. Баҳсҳо мувофиқи қонунгузории Федератсияи Россия ва Созишнома дар бораи ҷалби муташаккилонаи шаҳрвандони Ҷумҳурии Тоҷикистон ҳал карда мешаванд.',
    },
  ];
}
