import { makeStyles, Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  root: { display: 'grid', placeItems: 'center', minHeight: '100vh' },
});

/** Shown while the app starts (session check, first route's code). */
export function AppLoading() {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <main className={styles.root}>
      <Spinner label={t('app.loading')} />
    </main>
  );
}
