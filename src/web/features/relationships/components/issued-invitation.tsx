import { Button, Field, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Textarea, tokens } from '@fluentui/react-components';
import { Checkmark20Regular, Copy20Regular, Mail20Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedInvitation } from '#contracts/relationships.ts';
import { useFormatters } from '../../../app/format.ts';
import { useCurrentUser } from '../../../app/session.tsx';
import { copyText, CopyField } from '../../../app/ui/copy-field.tsx';
import { Panel } from '../../../app/ui/panel.tsx';
import { invitationEmail, mailtoUrl, type Translate } from '../email-text.ts';

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, ':focus': { outlineStyle: 'none' } },
  email: { fontFamily: tokens.fontFamilyBase },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/**
 * A new personal link (created or resent), shown this once with the email that carries it: Copy, or
 * Open in mail. Only the link's hash is kept, so leaving the page forgets it.
 */
export function IssuedInvitationPanel({ invitation, resent, domain, onDone }: { invitation: IssuedInvitation; resent: boolean; domain: string | null; onDone: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  const user = useCurrentUser();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const name = invitation.recipientName ?? invitation.recipientEmail ?? '';
  // i18next's `t` is `Translate` at run time; its per-key placeholder types cannot follow a key chosen at run time.
  const translate = t as unknown as Translate;
  const email = invitationEmail(invitation, { sender: user.displayName, domain, formatDate: format.date }, translate);
  const text = `${email.subject}\n\n${email.body}`;

  // Where the person's attention goes next: the link they must take away now.
  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'start' });
  }, [invitation.url]);

  return (
    <Panel aria-labelledby="issued-heading">
      <h2 className={styles.heading} id="issued-heading" ref={headingRef} tabIndex={-1}>
        {resent ? t('relationships.issued.resentTitle', { name }) : t('relationships.issued.title', { name })}
      </h2>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('relationships.issued.warningTitle')}</MessageBarTitle>
          {t('relationships.issued.warning')}
        </MessageBarBody>
      </MessageBar>
      <CopyField label={t('relationships.issued.linkLabel', { name })} value={invitation.url} />
      <Field
        label={t('relationships.issued.emailLabel')}
        validationState={copy === 'failed' ? 'error' : copy === 'copied' ? 'success' : 'none'}
        validationMessage={copy === 'failed' ? t('app.copyFailed') : copy === 'copied' ? t('app.copied') : undefined}
        validationMessageIcon={null}
      >
        <Textarea value={text} readOnly resize="vertical" rows={Math.min(text.split('\n').length + 1, 30)} textarea={{ className: styles.email }} />
      </Field>
      <div className={styles.actions}>
        <Button icon={copy === 'copied' ? <Checkmark20Regular /> : <Copy20Regular />} onClick={() => void copyText(text).then((ok) => setCopy(ok ? 'copied' : 'failed'))}>
          {t('relationships.issued.copyEmail')}
        </Button>
        <Button as="a" href={mailtoUrl(email)} icon={<Mail20Regular />}>
          {t('relationships.issued.openInMail')}
        </Button>
        <Button appearance="primary" onClick={onDone}>
          {t('relationships.issued.done')}
        </Button>
      </div>
    </Panel>
  );
}
