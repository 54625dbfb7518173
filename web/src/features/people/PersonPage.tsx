import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../app/api';
import { formatDate } from '../../app/i18n';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import type { PersonDetail } from './types';

const join = (parts: ReadonlyArray<string | null | undefined>) => parts.filter(Boolean).join(' ');

/** A person's names in three forms and passport, with the correction of the Russian form (audited). */
export function PersonPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const query = useQuery({ queryKey: ['people', 'person', id], queryFn: () => api<PersonDetail>('GET', `/api/people/${id}`) });
  if (query.isLoading) return <Loading />;
  if (!query.data) return <ProblemMessage error={query.error} />;
  const person = query.data;
  const { names } = person;
  return (
    <section data-testid="person">
      <h1>{join([names.origin.surname, names.origin.givenNames])}</h1>
      {person.mergedIntoPersonId ? <p className="card bad">{t('people.person.merged_into')}</p> : null}
      <section className="card">
        <dl className="facts">
          <dt>{t('people.person.latin')}</dt>
          <dd>{join([names.latin.surname, names.latin.givenNames])}</dd>
          <dt>{t('people.person.origin')}</dt>
          <dd lang="tg">{join([names.origin.surname, names.origin.givenNames, names.origin.patronymic])}</dd>
          <dt>{t('people.person.destination')}</dt>
          <dd lang="ru" data-testid="destination-name">
            {join([names.destination.surname, names.destination.givenNames, names.destination.patronymic])}
            {person.destinationCorrectedAt ? (
              <small className="muted"> · {t('people.person.corrected', { date: formatDate(person.destinationCorrectedAt, i18n.language) })}</small>
            ) : null}
          </dd>
          <dt>{t('people.person.birth_date')}</dt>
          <dd>{formatDate(person.birthDate, i18n.language)}</dd>
          <dt>{t('people.person.passport')}</dt>
          <dd>
            {person.passport.issuingState} {person.passport.number} {person.passport.expiry ? `· ${formatDate(person.passport.expiry, i18n.language)}` : ''}
          </dd>
        </dl>
      </section>
      <CorrectionForm person={person} />
    </section>
  );
}

function CorrectionForm({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { destination } = person.names;
  const [surname, setSurname] = useState(destination.surname);
  const [givenNames, setGivenNames] = useState(destination.givenNames);
  const [patronymic, setPatronymic] = useState(destination.patronymic ?? '');
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api<PersonDetail>('PUT', `/api/people/${person.id}/destination-name`, {
        surname: surname.trim(),
        givenNames: givenNames.trim(),
        patronymic: patronymic.trim() || null,
        reason: reason.trim(),
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['people', 'person', person.id], updated);
      setReason('');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="card action-form" onSubmit={submit}>
      <h2>{t('people.correct.title')}</h2>
      <label lang="ru">
        {t('screening.part.surname')}
        <input value={surname} onChange={(e) => setSurname(e.target.value)} required maxLength={100} />
      </label>
      <label lang="ru">
        {t('screening.part.given')}
        <input value={givenNames} onChange={(e) => setGivenNames(e.target.value)} required maxLength={100} />
      </label>
      <label lang="ru">
        {t('screening.part.patronymic')}
        <input value={patronymic} onChange={(e) => setPatronymic(e.target.value)} maxLength={100} />
      </label>
      <label>
        {t('people.correct.reason')}
        <input value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={500} />
      </label>
      <ProblemMessage error={save.error} />
      <button type="submit" className="primary" disabled={save.isPending || !reason.trim()}>
        {t('people.correct.save')}
      </button>
    </form>
  );
}
