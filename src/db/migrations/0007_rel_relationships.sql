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

-- The customer's global admin (admin@<domain>) signs in to answer invitations and see its partners. The
-- password made at onboarding (or by a partner's reset) is temporary: it must be changed at first sign-in.
alter table customers add column admin_password_temporary boolean not null default true;

create table tenant_sessions (
  id uuid primary key,
  customer_id uuid not null references customers (id),
  token_hash text not null unique,
  csrf_token text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index tenant_sessions_customer_idx on tenant_sessions (customer_id);

-- How an accepted relationship came about, and when a customer's admin removed it.
alter table customer_relationships add column invitation_id uuid references relationship_invitations (id);
alter table customer_relationships add column ended_at timestamptz;

-- The activity log speaks the model system's values (GET /v1/auditrecords): snake_case operation types,
-- lower-case resource types. Records written before are renamed.
update audit_records set
  operation_type = case operation_type
    when 'CreateCustomer' then 'add_customer'
    when 'CreateOrder' then 'create_order'
    when 'CreateCustomerAgreement' then 'create_customer_agreement'
    when 'OnboardCustomer' then 'onboard_customer'
    when 'ResetCustomerAdminPassword' then 'reset_customer_admin_password'
    else operation_type end,
  resource_type = lower(resource_type);
create index audit_records_partner_customer_idx on audit_records (partner_id, customer_id, created_at);
