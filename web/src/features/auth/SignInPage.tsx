import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { ProblemMessage } from '../../components/ProblemMessage';

export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="sign-in">
      <div className="card narrow">
        <h1>{t('auth.sign_in.title')}</h1>
        <p className="muted">{t('auth.sign_in.intro')}</p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <label>
            {t('auth.sign_in.email')}
            <input type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label>
            {t('auth.sign_in.password')}
            <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          <ProblemMessage error={error} />
          <button type="submit" className="primary" disabled={busy}>
            {t('auth.sign_in.submit')}
          </button>
        </form>
        <p>
          <Link to="/register" data-testid="register-link">
            {t('people.register.link')}
          </Link>
        </p>
      </div>
      <aside className="card narrow about">
        <h2>{t('auth.about.title')}</h2>
        <p>{t('auth.about.body')}</p>
      </aside>
    </section>
  );
}
