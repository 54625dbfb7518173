import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../app/api';
import { formatDate } from '../../app/i18n';
import { useSession } from '../../app/session';
import { ProblemMessage } from '../../components/ProblemMessage';

interface MrzCheck {
  ok: boolean;
  fields?: { surname: string; givenNames: string; birthDate: string };
  errors: Array<{ path: string; code: string; message: string }>;
}

/** Public sign-up: passport MRZ (checked as it is typed), the name in Tajik, contacts, password. */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [form, setForm] = useState({ mrz: '', surname: '', givenNames: '', patronymic: '', email: '', phone: '', password: '' });
  const [mrzCheck, setMrzCheck] = useState<MrzCheck | null>(null);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  useEffect(() => {
    const lines = form.mrz.trim();
    if (lines.length < 80) return;
    const timer = setTimeout(() => {
      void api<MrzCheck>('POST', '/api/people/mrz-check', { mrz: lines }).then(setMrzCheck, () => setMrzCheck(null));
    }, 300);
    return () => clearTimeout(timer);
  }, [form.mrz]);

  const register = useMutation({
    mutationFn: async () => {
      await api('POST', '/api/people/registrations', {
        mrz: form.mrz,
        name: { surname: form.surname.trim(), givenNames: form.givenNames.trim(), patronymic: form.patronymic.trim() || null },
        email: form.email.trim(),
        phone: form.phone.trim() || null,
        password: form.password,
        locale: i18n.language === 'ru' || i18n.language === 'en' ? i18n.language : 'tg',
      });
      await signIn(form.email.trim(), form.password);
    },
    onSuccess: () => navigate('/my-case'),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate();
  };
  const mrzShown = form.mrz.trim().length >= 80 ? mrzCheck : null;
  return (
    <section className="sign-in">
      <form className="card narrow" onSubmit={submit} noValidate data-testid="register-form">
        <h1>{t('people.register.title')}</h1>
        <p className="muted">{t('people.register.intro')}</p>
        <label>
          {t('people.register.mrz')}
          <textarea name="mrz" className="mrz" rows={2} value={form.mrz} onChange={set('mrz')} spellCheck={false} autoCapitalize="characters" required />
          <small className="muted">{t('people.register.mrz_hint')}</small>
        </label>
        {mrzShown?.ok && mrzShown.fields ? (
          <p className="card ok small" data-testid="mrz-ok">
            {t('people.register.mrz_ok', {
              surname: mrzShown.fields.surname,
              givenNames: mrzShown.fields.givenNames,
              birthDate: formatDate(mrzShown.fields.birthDate, i18n.language),
            })}
          </p>
        ) : null}
        {mrzShown && !mrzShown.ok ? (
          <ul className="problem small" data-testid="mrz-errors">
            {mrzShown.errors.map((e) => (
              <li key={`${e.path}-${e.code}`}>
                <code>{e.path}</code>: {e.message}
              </li>
            ))}
          </ul>
        ) : null}
        <label lang="tg">
          {t('people.register.surname')}
          <input name="surname" value={form.surname} onChange={set('surname')} required maxLength={100} />
        </label>
        <label lang="tg">
          {t('people.register.given_names')}
          <input name="givenNames" value={form.givenNames} onChange={set('givenNames')} required maxLength={100} />
        </label>
        <label lang="tg">
          {t('people.register.patronymic')}
          <input name="patronymic" value={form.patronymic} onChange={set('patronymic')} maxLength={100} />
        </label>
        <label>
          {t('people.register.email')}
          <input type="email" name="email" autoComplete="username" value={form.email} onChange={set('email')} required />
        </label>
        <label>
          {t('people.register.phone')}
          <input type="tel" name="phone" value={form.phone} onChange={set('phone')} placeholder="+992…" />
        </label>
        <label>
          {t('people.register.password')}
          <input type="password" name="password" autoComplete="new-password" value={form.password} onChange={set('password')} required minLength={10} />
        </label>
        <ProblemMessage error={register.error} />
        <button type="submit" className="primary" disabled={register.isPending}>
          {t('people.register.submit')}
        </button>
        <p>
          <Link to="/">{t('people.register.have_account')}</Link>
        </p>
      </form>
    </section>
  );
}
