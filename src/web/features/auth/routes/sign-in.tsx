import { Card, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { SessionResponse } from '#contracts/auth.ts';
import { safeNextPath } from '../../../app/next-path.ts';
import { queryClient } from '../../../app/query-client.ts';
import { sessionQueryKey } from '../../../app/session.tsx';
import { preloadPage, whenIdle } from '../../../app/preload.ts';
import { LanguageMenu } from '../../../app/shell/language-menu.tsx';
import { Brand } from '../../../app/ui/brand.tsx';
import { SignInForm } from '../components/sign-in-form.tsx';

const useStyles = makeStyles({
  page: { minHeight: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    height: '48px',
    paddingInline: tokens.spacingHorizontalL,
  },
  main: { flexGrow: 1, display: 'flex', justifyContent: 'center', alignItems: 'flex-start', padding: tokens.spacingHorizontalL },
  card: {
    width: '100%',
    maxWidth: '400px',
    marginBlockStart: '8vh',
    padding: tokens.spacingHorizontalXXL,
    gap: tokens.spacingVerticalL,
  },
  heading: { display: 'block', margin: 0 },
  subtitle: { display: 'block', margin: 0, marginBlockStart: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
});

/** A password someone else set goes straight to Change password (not to the next page, whose data it may not read yet). */
const mustChangePassword = () => queryClient.getQueryData<SessionResponse | null>(sessionQueryKey)?.user.mustChangePassword === true;

interface SignInState {
  sessionEnded?: boolean;
}

export function Component() {
  const styles = useStyles();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const location = useLocation();
  const sessionEnded = (location.state as SignInState | null)?.sessionEnded === true;

  useEffect(() => {
    document.title = `${t('signIn.title')} – ${t('app.name')}`;
  }, [t]);

  // While the person types, the page they are going to is fetched: signing in then waits only for its data.
  const next = safeNextPath(params.get('next'));
  useEffect(() => whenIdle(() => preloadPage(next)), [next]);

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Brand name={t('app.name')} />
        <LanguageMenu />
      </header>
      <main className={styles.main}>
        <Card className={styles.card}>
          <div>
            <Text as="h1" size={700} weight="semibold" className={styles.heading}>
              {t('signIn.title')}
            </Text>
            <Text as="p" className={styles.subtitle}>
              {t('signIn.subtitle')}
            </Text>
          </div>
          {sessionEnded ? (
            <MessageBar intent="info">
              <MessageBarBody>{t('signIn.sessionEnded')}</MessageBarBody>
            </MessageBar>
          ) : null}
          <SignInForm onSignedIn={() => void navigate(mustChangePassword() ? '/account/password' : next, { replace: true })} />
        </Card>
      </main>
    </div>
  );
}
