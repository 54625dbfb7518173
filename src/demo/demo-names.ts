/**
 * Tajik name stock for the demo population, written in Tajik Cyrillic. The Russian and passport Latin forms
 * are derived with the people module's transliteration, exactly as registration derives them.
 */
export const DEMO_SURNAMES = [
  'Раҳмонов',
  'Шарипов',
  'Каримов',
  'Назаров',
  'Сафаров',
  'Ҳакимов',
  'Одинаев',
  'Қурбонов',
  'Ғафуров',
  'Мирзоев',
  'Давлатов',
  'Бобоев',
  'Ҷалолов',
  'Иброҳимов',
  'Султонов',
  'Холов',
  'Раҷабов',
  'Зиёев',
  'Саидов',
  'Юсупов',
  'Раҳимзода',
  'Қодирзода',
  'Шарифзода',
  'Ҳусейнзода',
  'Давлатзода',
  'Наврӯзов',
] as const;

export const DEMO_MALE_NAMES = [
  'Ҷамшед',
  'Фирдавс',
  'Далер',
  'Искандар',
  'Умед',
  'Баҳодур',
  'Сӯҳроб',
  'Шаҳром',
  'Фаридун',
  'Алишер',
  'Рустам',
  'Зафар',
  'Комрон',
  'Парвиз',
  'Ҳасан',
  'Ҳусейн',
  'Аҳмад',
  'Бахтиёр',
  'Ғайрат',
  'Қаҳрамон',
] as const;

export const DEMO_FEMALE_NAMES = ['Мадина', 'Нилуфар', 'Гулнора', 'Зарина', 'Шаҳноза', 'Малика', 'Фарзона', 'Дилноза', 'Меҳрангез'] as const;

export const DEMO_FATHER_NAMES = ['Саид', 'Раҳим', 'Карим', 'Назар', 'Аҳмад', 'Ҷалол', 'Қодир', 'Шариф', 'Давлат', 'Умар'] as const;
