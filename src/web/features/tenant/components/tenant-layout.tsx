import { Card, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageMenu } from '../../../app/shell/language-menu.tsx';
import { Brand } from '../../../app/ui/brand.tsx';

const useStyles = makeStyles({
  page: { minHeight: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground2 },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', height: '48px', paddingInline: tokens.spacingHorizontalL },
  main: { flexGrow: 1, display: 'flex', justifyContent: 'center', alignItems: 'flex-start', padding: tokens.spacingHorizontalL },
  card: { width: '100%', maxWidth: '560px', marginBlockStart: '6vh', padding: tokens.spacingHorizontalXXL, gap: tokens.spacingVerticalL },
  wide: { maxWidth: '800px' },
  heading: { display: 'block', margin: 0 },
  subtitle: { display: 'block', margin: 0, marginBlockStart: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
});

/** The customer admin's pages: the brand, the language, one card (`wide` for a table); no partner shell. */
export function TenantLayout({ title, subtitle, wide = false, children }: { title: string; subtitle?: string | undefined; wide?: boolean; children: ReactNode }) {
  const styles = useStyles();
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Brand name={t('app.name')} />
        <LanguageMenu />
      </header>
      <main className={styles.main}>
        <Card className={mergeClasses(styles.card, wide && styles.wide)}>
          <div>
            <Text as="h1" size={700} weight="semibold" className={styles.heading}>
              {title}
            </Text>
            {subtitle ? (
              <Text as="p" className={styles.subtitle}>
                {subtitle}
              </Text>
            ) : null}
          </div>
          {children}
        </Card>
      </main>
    </div>
  );
}
