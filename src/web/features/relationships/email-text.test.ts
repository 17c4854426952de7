import { describe, expect, it } from 'vitest';
import type { IssuedInvitation } from '#contracts/relationships.ts';
import { invitationEmail, mailtoUrl, type Translate } from './email-text.ts';
import { relationshipsEnUS } from './locales/en-US.ts';

/** The English strings with i18next's {{placeholders}} filled in. */
const t: Translate = (key, values = {}) => {
  const name = key.slice('relationships.email.'.length) as keyof typeof relationshipsEnUS.email;
  return relationshipsEnUS.email[name].replace(/\{\{(\w+)\}\}/g, (_match, placeholder: string) => values[placeholder] ?? '');
};

const invitation: IssuedInvitation = {
  id: '00000000-0000-4000-8000-000000000001',
  recipientName: 'Lee Admin',
  recipientEmail: 'lee+it@lakeview.example',
  message: 'We would like to manage your licences.\nCall me on Monday & Tuesday?',
  state: 'pending',
  partner: { id: '00000000-0000-4000-8000-000000000002', name: 'Harbor & Sons' },
  indirectProvider: null,
  createdBy: { email: 'ann@harbor.example', displayName: 'Ann Lee' },
  createdAt: '2026-01-01T00:00:00.000Z',
  lastSentAt: '2026-01-01T00:00:00.000Z',
  sentCount: 1,
  expiresAt: '2026-04-01T00:00:00.000Z',
  respondedAt: null,
  customerId: null,
  attributes: { objectType: 'RelationshipInvitation' },
  url: 'https://partners.example/invitations#pdinv_abc',
};
const context = { sender: 'Ann Lee', domain: null, formatDate: (iso: string) => iso.slice(0, 10) };

describe('the invitation email', () => {
  it('says who asks, their message, the link and its expiry', () => {
    const email = invitationEmail(invitation, context, t);
    expect(email.to).toBe('lee+it@lakeview.example');
    expect(email.subject).toBe('Harbor & Sons asks to become your partner');
    expect(email.body).toBe(
      [
        'Hello Lee Admin,',
        'Harbor & Sons asks to become a partner of your organization.',
        'Their message:\nWe would like to manage your licences.\nCall me on Monday & Tuesday?',
        'To accept, open this link and sign in as your organization’s global admin (admin@<your domain>):\nhttps://partners.example/invitations#pdinv_abc',
        'The link works once and expires on 2026-04-01.',
        'Ann Lee, Harbor & Sons',
      ].join('\n\n'),
    );
  });

  it('names the indirect provider the customer accepts too, and the admin account of a known domain', () => {
    const email = invitationEmail({ ...invitation, message: null, indirectProvider: { id: invitation.partner.id, name: 'Contoso Distribution' } }, { ...context, domain: 'lakeview.onmicrosoft.com' }, t);
    expect(email.subject).toBe('Harbor & Sons and Contoso Distribution ask to become your partners');
    expect(email.body).toContain('Harbor & Sons and its indirect provider Contoso Distribution ask to become partners');
    expect(email.body).toContain('(admin@lakeview.onmicrosoft.com)');
    expect(email.body).not.toContain('Their message');
  });

  it('opens in a mail program with everything encoded, the link intact', () => {
    const email = invitationEmail(invitation, context, t);
    const url = new URL(mailtoUrl(email));
    expect(url.protocol).toBe('mailto:');
    expect(decodeURIComponent(url.pathname)).toBe('lee+it@lakeview.example');
    // `&` and `#` in the text cannot end the subject or cut the body.
    expect(url.search).not.toMatch(/[#\n]/);
    const params = new URLSearchParams(url.search.replace(/\+/g, '%2B'));
    expect(params.get('subject')).toBe(email.subject);
    expect(params.get('body')).toBe(email.body.replace(/\n/g, '\r\n'));
    expect(params.get('body')).toContain('https://partners.example/invitations#pdinv_abc');
  });
});
