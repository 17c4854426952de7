import { Button, makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular, Dismiss20Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../app/errors.ts';
import { exportAuditRecords, saveFile } from '../api/export-audit-records.ts';
import type { ActivityQuery } from '../api/get-audit-records.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', gap: tokens.spacingVerticalXS, '@media (max-width: 639px)': { alignItems: 'flex-start' } },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
  progress: { width: '200px' },
  status: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200, maxWidth: '360px' },
});

type State = { kind: 'idle' } | { kind: 'running'; bytes: number } | { kind: 'done'; bytes: number } | { kind: 'failed'; error: unknown };

/** "Export CSV": the same query through /v1/auditrecords/export, with what has arrived so far, then saved. */
export function ExportButton({ query, disabled }: { query: ActivityQuery; disabled: boolean }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);
  const size = (bytes: number) => new Intl.NumberFormat(i18n.language, { style: 'unit', unit: bytes < 1024 * 1024 ? 'kilobyte' : 'megabyte', maximumFractionDigits: 1 }).format(bytes < 1024 * 1024 ? bytes / 1024 : bytes / (1024 * 1024));

  const start = async () => {
    const abort = new AbortController();
    controller.current = abort;
    setState({ kind: 'running', bytes: 0 });
    try {
      const blob = await exportAuditRecords(query, (bytes) => setState({ kind: 'running', bytes }), abort.signal);
      saveFile(blob, 'activity-log.csv');
      setState({ kind: 'done', bytes: blob.size });
    } catch (error) {
      setState(abort.signal.aborted ? { kind: 'idle' } : { kind: 'failed', error });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  };

  return (
    <div className={styles.root}>
      <div className={styles.buttons}>
        {state.kind === 'running' ? (
          <Button icon={<Dismiss20Regular />} onClick={() => controller.current?.abort()}>
            {t('activityLog.cancelExport')}
          </Button>
        ) : null}
        <Button icon={<ArrowDownload20Regular />} onClick={() => void start()} disabled={disabled || state.kind === 'running'}>
          {t('activityLog.exportCsv')}
        </Button>
      </div>
      <div aria-live="polite" className={styles.root}>
        {state.kind === 'running' ? (
          <>
            <ProgressBar className={styles.progress} aria-label={t('activityLog.exportCsv')} />
            <Text className={styles.status}>{t('activityLog.exporting', { size: size(state.bytes) })}</Text>
          </>
        ) : null}
        {state.kind === 'done' ? <Text className={styles.status}>{t('activityLog.exportDone', { size: size(state.bytes) })}</Text> : null}
        {state.kind === 'failed' ? <Text className={styles.error}>{t('activityLog.exportFailed', { message: errorMessage(state.error) })}</Text> : null}
      </div>
    </div>
  );
}
