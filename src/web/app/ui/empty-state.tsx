import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalXXXL,
    paddingInline: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground2,
  },
  icon: { fontSize: '40px', color: tokens.colorNeutralForeground3 },
  title: { margin: 0 },
});

export function EmptyState({ icon, title, body, action }: { icon?: ReactNode; title: string; body: string; action?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      {icon ? <span className={styles.icon} aria-hidden>{icon}</span> : null}
      <Text as="h2" size={500} weight="semibold" className={styles.title}>
        {title}
      </Text>
      <Text>{body}</Text>
      {action}
    </div>
  );
}
