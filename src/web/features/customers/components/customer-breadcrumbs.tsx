import { Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem, makeStyles, tokens } from '@fluentui/react-components';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

const useStyles = makeStyles({
  breadcrumb: { marginBlockEnd: tokens.spacingVerticalS, marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

/** Customers › the customer: above the customer's pages (Overview, Users). */
export function Breadcrumbs({ current }: { current: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const follow = (event: MouseEvent<HTMLAnchorElement | HTMLButtonElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void navigate('/customers');
  };
  return (
    <Breadcrumb aria-label={t('customerDetail.breadcrumb')} className={styles.breadcrumb} size="small">
      <BreadcrumbItem>
        <BreadcrumbButton href="/customers" onClick={follow}>
          {t('customerDetail.backToCustomers')}
        </BreadcrumbButton>
      </BreadcrumbItem>
      <BreadcrumbDivider />
      <BreadcrumbItem>
        <BreadcrumbButton current>{current}</BreadcrumbButton>
      </BreadcrumbItem>
    </Breadcrumb>
  );
}

