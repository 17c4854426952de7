import { Button } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from './ui/page-header.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('app.notFound.title')} description={t('app.notFound.body')} />
      <Button appearance="primary" onClick={() => void navigate('/customers')}>
        {t('app.notFound.action')}
      </Button>
    </>
  );
}
