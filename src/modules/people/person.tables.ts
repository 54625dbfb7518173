import type { Generated } from 'kysely';

export interface PersonTable {
  id: Generated<string>;
  latin_surname: string;
  latin_given_names: string;
  origin_surname: string;
  origin_given_names: string;
  origin_patronymic: string | null;
  destination_surname: string;
  destination_given_names: string;
  destination_patronymic: string | null;
  birth_date: string;
  gender: 'M' | 'F' | 'X';
  citizenship: string;
  passport_number: string | null;
  passport_expiry: string | null;
  phone: string | null;
  email: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

declare module '../../platform/database/database' {
  interface Database {
    persons: PersonTable;
  }
}
