import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useErrorMessage } from './errors.ts';
import { NotFoundPage } from './not-found.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXXL },
});

/** What a route shows when its code or data failed to load, or it threw while rendering. */
export function RouteError() {
  const error = useRouteError();
  const styles = useStyles();
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <div role="alert" className={styles.root}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('app.crashed.title')}</MessageBarTitle>
          {t('app.crashed.body')} {errorMessage(error)}
        </MessageBarBody>
      </MessageBar>
      <Button appearance="primary" onClick={() => window.location.reload()}>
        {t('app.crashed.reload')}
      </Button>
    </div>
  );
}
