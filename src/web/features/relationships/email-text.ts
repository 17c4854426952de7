import type { IssuedInvitation } from '#contracts/relationships.ts';
import type { relationshipsEnUS } from './locales/en-US.ts';

/** The translation function, narrowed to what the email needs (i18next's `t` fits). */
export type Translate = (key: `relationships.email.${keyof typeof relationshipsEnUS.email}`, values?: Record<string, string>) => string;

export interface InvitationEmail {
  to: string;
  subject: string;
  body: string;
}

/**
 * The email a partner sends with a personal link: who asks (and, for a reseller's invitation, its
 * indirect provider), the partner's message, the link, and when it expires. `domain` is the customer's,
 * when the page knows it (the wizard found it taken): it names the admin account to sign in with.
 */
export function invitationEmail(
  invitation: IssuedInvitation,
  context: { sender: string; domain: string | null; formatDate: (iso: string) => string },
  t: Translate,
): InvitationEmail {
  const partner = invitation.partner.name;
  const provider = invitation.indirectProvider?.name ?? null;
  const paragraphs = [
    t('relationships.email.greeting', { name: invitation.recipientName ?? '' }),
    provider === null ? t('relationships.email.asks', { partner }) : t('relationships.email.asksBoth', { partner, provider }),
    ...(invitation.message ? [`${t('relationships.email.messageIntro')}\n${invitation.message}`] : []),
    `${t('relationships.email.howTo', { admin: context.domain === null ? t('relationships.email.adminFallback') : `admin@${context.domain}` })}\n${invitation.url}`,
    t('relationships.email.expiry', { date: context.formatDate(invitation.expiresAt) }),
    t('relationships.email.signature', { sender: context.sender, partner }),
  ];
  return {
    to: invitation.recipientEmail ?? '',
    subject: provider === null ? t('relationships.email.subject', { partner }) : t('relationships.email.subjectBoth', { partner, provider }),
    body: paragraphs.join('\n\n'),
  };
}

/**
 * A mailto: URL (RFC 6068): the address, subject and body percent-encoded, line breaks as CRLF, so that
 * a mail program opens the email ready to send.
 */
export function mailtoUrl(email: InvitationEmail): string {
  const encode = (text: string) => encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));
  return `mailto:${encodeURIComponent(email.to).replace(/%40/g, '@')}?subject=${encode(email.subject)}&body=${encode(email.body)}`;
}
