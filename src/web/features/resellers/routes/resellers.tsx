import '../locales/register-en-US.ts';
import { BuildingPeople24Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { NotFoundPage } from '../../../app/not-found.tsx';
import { useCurrentUser } from '../../../app/session.tsx';
import { EmptyState } from '../../../app/ui/empty-state.tsx';
import { Loading } from '../../../app/ui/loading.tsx';
import { Panel } from '../../../app/ui/panel.tsx';
import { PageHeader } from '../../../app/ui/page-header.tsx';
import { QueryError } from '../../../app/ui/query-error.tsx';
import { useIndirectResellers } from '../api/get-indirect-resellers.ts';
import { ResellersTable } from '../components/resellers-table.tsx';

function ResellersPage() {
  const { t } = useTranslation();
  const resellers = useIndirectResellers();

  let content;
  if (resellers.isPending) content = <Loading />;
  else if (resellers.isError) content = <QueryError title={t('resellers.loadFailed')} error={resellers.error} onRetry={() => void resellers.refetch()} />;
  else if (resellers.data.items.length === 0)
    content = <EmptyState icon={<BuildingPeople24Regular />} title={t('resellers.emptyTitle')} body={t('resellers.emptyBody')} />;
  else content = <ResellersTable resellers={resellers.data.items} />;

  return (
    <>
      <PageHeader title={t('resellers.title')} description={t('resellers.description')} />
      <Panel>{content}</Panel>
    </>
  );
}

/** Only indirect providers have indirect resellers; for anyone else the page does not exist. */
export function Component() {
  const user = useCurrentUser();
  return user.partner.kind === 'indirect_provider' ? <ResellersPage /> : <NotFoundPage />;
}
