import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../app/ui/loading.tsx';
import { CopyField } from '../../../app/ui/copy-field.tsx';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { QueryError } from '../../../app/ui/query-error.tsx';
import { useCurrentUser } from '../../../app/session.tsx';
import { useRelationshipLink } from '../api/get-relationship-link.ts';
import { ProviderField, type ProviderChoice } from './provider-field.tsx';

const useStyles = makeStyles({
  body: { color: tokens.colorNeutralForeground2, maxWidth: '72ch' },
});

/** The partner's one link for existing customers (Partner Center's), with Copy; a reseller picks the provider the customer accepts too. */
export function StandingLink({ providers, providerId, onProviderChange }: { providers: ProviderChoice; providerId: string | null; onProviderChange: (id: string | null) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const user = useCurrentUser();
  const link = useRelationshipLink(providerId);
  return (
    <Panel aria-labelledby="standing-link-heading">
      <PanelHeading id="standing-link-heading">{t('relationships.link.heading')}</PanelHeading>
      <Text className={styles.body}>{t('relationships.link.body', { name: user.partner.name })}</Text>
      {providers.kind === 'reseller' ? (
        <ProviderField providers={providers} value={providerId} onChange={onProviderChange} />
      ) : null}
      {link.isPending ? (
        <Loading />
      ) : link.isError ? (
        <QueryError title={t('relationships.link.loadFailed')} error={link.error} onRetry={() => void link.refetch()} />
      ) : (
        <CopyField label={t('relationships.link.label')} value={link.data.url} />
      )}
    </Panel>
  );
}
