import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  root: { display: 'flex', justifyContent: 'center', paddingBlock: tokens.spacingVerticalXXL },
});

export function Loading({ label }: { label?: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.root}>
      <Spinner size="small" label={label ?? t('app.loading')} />
    </div>
  );
}
