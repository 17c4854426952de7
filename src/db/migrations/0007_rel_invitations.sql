-- Issue 9: tracked relationship invitations (SPEC §6, ours). The table of 0001 gains what a partner
-- user writes (the recipient's name, a message), resending (a new link each time), and who revoked it.
-- "expired" is not stored: a pending invitation past expires_at reads as expired.
alter table relationship_invitations add column recipient_name text;
alter table relationship_invitations add column message text;
alter table relationship_invitations add column sent_count integer not null default 1;
alter table relationship_invitations add column last_sent_at timestamptz not null default now();
alter table relationship_invitations add column revoked_by_user_id uuid references partner_users (id);
drop index relationship_invitations_partner_idx;
-- The partner's list, newest first, keyset-paged by (created_at, id).
create index relationship_invitations_partner_idx on relationship_invitations (partner_id, created_at desc, id desc);
