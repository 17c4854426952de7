import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { ComponentProps, ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  heading: { margin: 0 },
});

/** A white surface on the grey page, as Partner Center groups a page's content. */
export function Panel({ className, ...props }: ComponentProps<'section'>) {
  const styles = useStyles();
  return <section className={mergeClasses(styles.root, className)} {...props} />;
}

/** A panel's title (`h2`); give it an id and point the panel's `aria-labelledby` at it. */
export function PanelHeading({ id, children }: { id: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <Text as="h2" size={500} weight="semibold" block id={id} className={styles.heading}>
      {children}
    </Text>
  );
}
