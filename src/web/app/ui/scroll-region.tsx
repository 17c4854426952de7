import { makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: { overflowX: 'auto', maxWidth: '100%' },
});

/**
 * A wide table on a narrow screen scrolls sideways; the wrapper is focusable so keyboard users can
 * scroll it too (axe `scrollable-region-focusable`). A group, not a region: it is no landmark.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
