import '../locales/register-en-US.ts';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams, useSearchParams } from 'react-router';
import type { TenantRequestRef, TenantRequestView, TenantSession } from '#contracts/tenant.ts';
import { isApiError } from '../../../app/api-client.ts';
import { useErrorMessage } from '../../../app/errors.ts';
import { useFormatters } from '../../../app/format.ts';
import { RouterLink } from '../../../app/ui/router-link.tsx';
import { useAnswerRequest, useRequestView, useTenantSession } from '../api/tenant.ts';
import { TenantGate } from '../components/tenant-sign-in.tsx';
import { TenantLayout } from '../components/tenant-layout.tsx';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  quote: { whiteSpace: 'pre-wrap', borderInlineStartWidth: '3px', borderInlineStartStyle: 'solid', borderInlineStartColor: tokens.colorNeutralStroke1, paddingInlineStart: tokens.spacingHorizontalM, margin: 0, display: 'block' },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
  plain: { margin: 0 },
  label: { display: 'block', marginBlockEnd: tokens.spacingVerticalXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

/** The link's reference: a personal invitation's token (in the fragment, never sent to a server's logs) or a partner's code. */
function useRequestRef(): TenantRequestRef | null {
  const { code } = useParams();
  const location = useLocation();
  const [params] = useSearchParams();
  return useMemo(() => {
    if (code) {
      return {
        code,
        indirectCloudSolutionProviderId: params.get('indirectCloudSolutionProviderId') ?? undefined,
        indirectResellerId: params.get('indirectResellerId') ?? undefined,
      };
    }
    const token = location.hash.replace(/^#/, '');
    return token === '' ? null : { token };
  }, [code, location.hash, params]);
}

/** /invitations#<token> and /relationship-requests/<code>: who asks, then sign in, then accept or decline. */
export function Component() {
  const { t } = useTranslation();
  const ref = useRequestRef();
  const view = useRequestView(ref);
  const session = useTenantSession();
  const errorMessage = useErrorMessage();
  // Once answered on this page, the summary no longer asks (the answer's outcome shows below it).
  const [answered, setAnswered] = useState(false);
  const title = t('tenant.request.title');

  if (ref === null) return <TenantLayout title={title}><Notice intent="warning" text={t('tenant.request.missing')} /></TenantLayout>;
  if (view.isPending || session.isPending) return <TenantLayout title={title}><Spinner label={t('app.loading')} /></TenantLayout>;
  if (view.isError) {
    const text = isApiError(view.error, 404) ? t('tenant.request.notFound') : errorMessage(view.error);
    return <TenantLayout title={title}><Notice intent="error" text={text} /></TenantLayout>;
  }
  return (
    <TenantLayout title={title}>
      <RequestSummary view={view.data} open={view.data.state === 'pending' && !answered} />
      {view.data.state === 'pending' ? (
        <TenantGate session={session.data ?? null}>{(signedIn) => <Answer session={signedIn} requestRef={ref} view={view.data} onAnswered={() => setAnswered(true)} />}</TenantGate>
      ) : (
        <Notice intent="warning" text={t(`tenant.request.states.${view.data.state}`)} />
      )}
    </TenantLayout>
  );
}

function Notice({ intent, text, title }: { intent: 'error' | 'warning' | 'success' | 'info'; text: string; title?: string }) {
  return (
    <MessageBar intent={intent} layout="multiline" role={intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {text}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Names joined the way the language joins a list ("A and B", "A和B"). */
function listOf(language: string, names: string[]): string {
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(names);
}

function RequestSummary({ view, open }: { view: TenantRequestView; open: boolean }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const names = view.partners.map((partner) => t('tenant.request.withKind', { name: partner.name, kind: t(`tenant.kinds.${partner.kind}`) }));
  // A reseller's request (or a provider's naming a reseller): both tiers, each named for what it is.
  const reseller = view.partners.find((partner) => partner.kind === 'indirect_reseller');
  const provider = view.partners.find((partner) => partner.kind === 'indirect_provider');
  const pending = open;
  // An answered or closed request says only whom it came from: nothing is asked any more.
  const asks = !pending
    ? t('tenant.request.from', { names: listOf(i18n.language, names) })
    : reseller && provider
      ? t('tenant.request.asksPair', { reseller: reseller.name, provider: provider.name })
      : names.length > 1 ? t('tenant.request.asksBoth', { names: listOf(i18n.language, names) }) : t('tenant.request.asks', { name: names[0] ?? '' });
  return (
    <div className={styles.stack}>
      <Text as="p" size={400} weight="semibold" className={styles.plain}>{asks}</Text>
      {pending ? <Text as="p" className={styles.muted}>{t('tenant.request.explain')}</Text> : null}
      {view.recipientName ? <Text as="p" className={styles.plain}>{t('tenant.request.to', { name: view.recipientName })}</Text> : null}
      {view.message ? (
        <div>
          <Text weight="semibold" className={styles.label}>{t('tenant.request.message')}</Text>
          <Text as="p" className={styles.quote}>{view.message}</Text>
        </div>
      ) : null}
      {view.expiresAt && pending ? <Text as="p" className={styles.muted}>{t('tenant.request.expires', { date: format.date(view.expiresAt) })}</Text> : null}
    </div>
  );
}

function Answer({ session, requestRef, view, onAnswered }: { session: TenantSession; requestRef: TenantRequestRef; view: TenantRequestView; onAnswered: () => void }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const answer = useAnswerRequest(session, requestRef);
  const [confirmDecline, setConfirmDecline] = useState(false);
  const names = listOf(i18n.language, view.partners.map((partner) => partner.name));

  if (answer.data === 'accept') {
    return (
      <div className={styles.stack}>
        <Notice intent="success" title={t('tenant.request.acceptedTitle')} text={t('tenant.request.accepted', { names })} />
        <RouterLink to="/tenant/partners">{t('tenant.request.yourPartners')}</RouterLink>
      </div>
    );
  }
  if (answer.data === 'decline') return <Notice intent="info" title={t('tenant.request.declinedTitle')} text={t('tenant.request.declined')} />;
  return (
    <div className={styles.stack}>
      <Text as="p" className={styles.muted}>{t('tenant.request.signedInAs', { user: session.userPrincipalName, company: session.customer.companyName })}</Text>
      {answer.error ? <Notice intent="error" text={errorMessage(answer.error)} /> : null}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={answer.isPending} onClick={() => answer.mutate('accept', { onSuccess: onAnswered })} icon={answer.isPending ? <Spinner size="tiny" /> : undefined}>
          {answer.isPending ? t('tenant.request.accepting') : t('tenant.request.accept')}
        </Button>
        {'token' in requestRef ? (
          <Button disabled={answer.isPending} onClick={() => setConfirmDecline(true)}>{t('tenant.request.decline')}</Button>
        ) : null}
      </div>
      <Dialog open={confirmDecline} modalType="alert" onOpenChange={(_, data) => setConfirmDecline(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('tenant.request.declineTitle')}</DialogTitle>
            <DialogContent>{t('tenant.request.declineBody')}</DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirmDecline(false)}>{t('tenant.request.cancel')}</Button>
              <Button appearance="primary" onClick={() => { setConfirmDecline(false); answer.mutate('decline', { onSuccess: onAnswered }); }}>
                {t('tenant.request.declineConfirm')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
