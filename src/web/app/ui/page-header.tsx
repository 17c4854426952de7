import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    marginBlockEnd: tokens.spacingVerticalL,
  },
  heading: {
    margin: 0,
    // The heading takes focus after a navigation (for screen readers); it is not a control.
    ':focus': { outlineStyle: 'none' },
  },
  description: { display: 'block', marginBlockStart: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2, maxWidth: '72ch' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** The page's one `h1`, its description and actions; also names the browser tab. */
export function PageHeader({ title, description, actions }: { title: string; description?: string; actions?: ReactNode }) {
  const styles = useStyles();
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className={styles.root}>
      <div>
        <Text as="h1" size={700} weight="semibold" className={styles.heading} tabIndex={-1} id="page-heading">
          {title}
        </Text>
        {description ? <Text className={styles.description}>{description}</Text> : null}
      </div>
      {actions ? <div className={styles.actions}>{actions}</div> : null}
    </div>
  );
}
