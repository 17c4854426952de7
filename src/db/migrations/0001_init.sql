-- Partnerdesk schema, version 1. Forward-only: never edit a migration that has shipped; add a new file.
-- Written for both PostgreSQL 15 and PGlite (Postgres 18): no uuidv7(), no virtual generated columns, no citext.

create table settings (
  key text primary key,
  value text not null,
  created_at timestamptz not null default now()
);

create table cloud_instances (
  id text primary key check (id in ('public', 'usgov')),
  name text not null,
  domain_suffix text not null check (domain_suffix ~ '^[a-z0-9]+(\.[a-z0-9]+)+$'),
  -- SPEC §8: relationship requests and the indirect model exist in usgov only when the operator enables them.
  relationship_requests_enabled boolean not null,
  indirect_model_enabled boolean not null,
  agreement_required boolean not null
);

create table partner_organizations (
  id uuid primary key,
  instance_id text not null references cloud_instances (id),
  name text not null check (length(btrim(name)) between 1 and 255),
  kind text not null check (kind in ('direct', 'indirect_provider', 'indirect_reseller')),
  mpn_id text not null check (mpn_id ~ '^[0-9]{1,10}$'),
  markets text[] not null default '{}',
  email_domains text[] not null default '{}',
  usgov_validated boolean not null default false,
  invitation_code text not null unique,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index partner_organizations_mpn_key on partner_organizations (instance_id, mpn_id);
create unique index partner_organizations_name_key on partner_organizations (instance_id, lower(name));

create table partnerships (
  provider_id uuid not null references partner_organizations (id),
  reseller_id uuid not null references partner_organizations (id),
  state text not null check (state in ('active', 'inactive', 'suspended', 'terminated')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (provider_id, reseller_id),
  check (provider_id <> reseller_id)
);
create index partnerships_reseller_idx on partnerships (reseller_id);

create table partner_users (
  id uuid primary key,
  partner_id uuid not null references partner_organizations (id),
  email text not null check (email = lower(email) and position('@' in email) > 1),
  display_name text not null,
  password_hash text,
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index partner_users_email_key on partner_users (lower(email));
create index partner_users_partner_idx on partner_users (partner_id);

create table partner_user_roles (
  user_id uuid not null references partner_users (id) on delete cascade,
  role text not null check (role in ('global_admin', 'admin_agent', 'sales_agent', 'helpdesk_agent', 'billing_admin')),
  primary key (user_id, role)
);

create table api_tokens (
  id uuid primary key,
  user_id uuid not null references partner_users (id) on delete cascade,
  kind text not null check (kind in ('personal', 'access')),
  name text not null,
  prefix text not null,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id, created_at);

create table sessions (
  id uuid primary key,
  user_id uuid not null references partner_users (id) on delete cascade,
  token_hash text not null unique,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now(),
  revoked_at timestamptz
);
create index sessions_user_idx on sessions (user_id);

create table sign_in_failures (
  id bigint generated always as identity primary key,
  email text not null,
  ip text not null,
  failed_at timestamptz not null default now()
);
create index sign_in_failures_email_idx on sign_in_failures (email, failed_at);
create index sign_in_failures_ip_idx on sign_in_failures (ip, failed_at);

create table customers (
  id uuid primary key,
  instance_id text not null references cloud_instances (id),
  commerce_id uuid not null unique,
  company_name text not null check (length(company_name) between 2 and 255),
  domain text not null check (domain = lower(domain)),
  organization_registration_number text,
  email text not null,
  culture text not null,
  language text not null,
  billing_company_name text not null,
  first_name text not null,
  last_name text not null,
  address_line1 text not null check (length(address_line1) <= 200),
  address_line2 text check (length(address_line2) <= 200),
  address_line3 text check (length(address_line3) <= 200),
  city text,
  state text,
  postal_code text,
  country text not null check (country ~ '^[A-Z]{2}$'),
  phone_number text,
  admin_user_name text not null default 'admin',
  admin_password_hash text not null,
  admin_password_set_at timestamptz not null default now(),
  created_by_partner_id uuid references partner_organizations (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index customers_domain_key on customers (instance_id, lower(domain));
-- Keyset pagination over customers sorts by (lower(company_name), id).
create index customers_name_idx on customers (lower(company_name), id);
create index customers_domain_prefix_idx on customers (lower(domain) text_pattern_ops);
create index customers_name_prefix_idx on customers (lower(company_name) text_pattern_ops);

-- SPEC §2: a domain once taken never becomes free again, even if its customer were removed.
create table domain_registry (
  instance_id text not null references cloud_instances (id),
  domain text not null check (domain = lower(domain)),
  customer_id uuid not null,
  registered_at timestamptz not null default now(),
  primary key (instance_id, domain)
);

create table customer_relationships (
  customer_id uuid not null references customers (id),
  partner_id uuid not null references partner_organizations (id),
  origin text not null check (origin in ('created', 'invited')),
  state text not null default 'active' check (state in ('active', 'terminated')),
  indirect_reseller_id uuid references partner_organizations (id),
  indirect_provider_id uuid references partner_organizations (id),
  created_at timestamptz not null default now(),
  primary key (customer_id, partner_id)
);
create index customer_relationships_partner_idx on customer_relationships (partner_id, customer_id);
create index customer_relationships_reseller_idx on customer_relationships (indirect_reseller_id);

create table customer_eligibility_validations (
  id uuid primary key,
  customer_id uuid not null references customers (id),
  partner_id uuid not null references partner_organizations (id),
  validation_type text not null check (validation_type in ('GovernmentEntity', 'RegulatedData')),
  details text not null,
  validated_by_user_id uuid references partner_users (id),
  created_at timestamptz not null default now()
);
create index customer_eligibility_customer_idx on customer_eligibility_validations (customer_id);

create table agreement_templates (
  id uuid primary key,
  instance_id text not null references cloud_instances (id),
  agreement_type text not null check (agreement_type in ('MicrosoftCloudAgreement', 'MicrosoftCustomerAgreement')),
  agreement_link text not null,
  version_rank integer not null check (version_rank > 0),
  created_at timestamptz not null default now(),
  unique (instance_id, agreement_type, version_rank)
);

create table agreement_confirmations (
  id uuid primary key,
  customer_id uuid not null references customers (id),
  template_id uuid not null references agreement_templates (id),
  agreement_type text not null check (agreement_type in ('MicrosoftCloudAgreement', 'MicrosoftCustomerAgreement')),
  signer_first_name text not null,
  signer_last_name text not null,
  signer_email text not null,
  signer_phone text,
  date_agreed timestamptz not null,
  partner_id uuid not null references partner_organizations (id),
  confirmed_by_user_id uuid references partner_users (id),
  created_at timestamptz not null default now()
);
-- SPEC §4: the same signer details twice for one customer is a conflict; a changed signer is a new confirmation.
create unique index agreement_confirmations_signer_key on agreement_confirmations
  (customer_id, agreement_type, lower(signer_first_name), lower(signer_last_name), lower(signer_email), coalesce(signer_phone, ''));

create table offers (
  id text primary key check (length(id) between 1 and 100),
  instance_id text not null references cloud_instances (id),
  name text not null,
  description text not null default '',
  category text not null check (category in ('enterprise', 'small_business', 'government', 'education', 'nonprofit', 'trial')),
  min_quantity integer not null check (min_quantity >= 1),
  max_quantity integer not null,
  unit_type text not null default 'Licenses',
  billing text not null check (billing in ('license', 'usage')),
  billing_cycles text[] not null,
  term text not null check (term in ('P1M', 'P1Y', 'P3Y', 'none')),
  purchase_limit integer check (purchase_limit >= 1),
  is_add_on boolean not null default false,
  prerequisite_offer_ids text[] not null default '{}',
  is_trial boolean not null default false,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (max_quantity >= min_quantity)
);
create index offers_instance_idx on offers (instance_id, category);

create table offer_markets (
  offer_id text not null references offers (id) on delete cascade,
  country text not null check (country ~ '^[A-Z]{2}$'),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  list_price numeric(12, 2) not null check (list_price >= 0),
  primary key (offer_id, country)
);
create index offer_markets_country_idx on offer_markets (country, offer_id);

create table orders (
  id uuid primary key,
  customer_id uuid not null references customers (id),
  partner_id uuid not null references partner_organizations (id),
  billing_cycle text not null check (billing_cycle in ('monthly', 'annual', 'none', 'one_time')),
  status text not null check (status in ('pending', 'completed', 'cancelled')),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  created_by_user_id uuid references partner_users (id),
  created_at timestamptz not null default now()
);
create index orders_customer_idx on orders (customer_id, partner_id, created_at);

create table subscriptions (
  id uuid primary key,
  customer_id uuid not null references customers (id),
  partner_id uuid not null references partner_organizations (id),
  order_id uuid not null references orders (id),
  offer_id text not null references offers (id),
  friendly_name text not null,
  quantity integer not null check (quantity >= 1),
  unit_type text not null,
  status text not null check (status in ('active', 'suspended', 'deleted', 'pending')),
  billing_cycle text not null,
  term text not null,
  auto_renew boolean not null default true,
  partner_id_on_record text,
  indirect_reseller_id uuid references partner_organizations (id),
  version integer not null default 1,
  effective_start_date timestamptz not null,
  commitment_end_date timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index subscriptions_customer_idx on subscriptions (customer_id, partner_id);
create index subscriptions_offer_idx on subscriptions (customer_id, offer_id);

create table order_line_items (
  order_id uuid not null references orders (id),
  line_item_number integer not null check (line_item_number >= 0),
  offer_id text not null references offers (id),
  quantity integer not null check (quantity >= 1),
  friendly_name text,
  partner_id_on_record text,
  subscription_id uuid not null references subscriptions (id),
  primary key (order_id, line_item_number)
);

create table relationship_invitations (
  id uuid primary key,
  partner_id uuid not null references partner_organizations (id),
  also_provider_id uuid references partner_organizations (id),
  customer_id uuid references customers (id),
  created_by_user_id uuid not null references partner_users (id),
  recipient_email text,
  recipient_domain text,
  token_hash text not null unique,
  state text not null check (state in ('pending', 'accepted', 'declined', 'expired', 'revoked')),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  responded_at timestamptz,
  accepted_customer_id uuid references customers (id)
);
create index relationship_invitations_partner_idx on relationship_invitations (partner_id, created_at);

create table audit_records (
  id uuid primary key,
  partner_id uuid references partner_organizations (id),
  user_id uuid references partner_users (id),
  actor text not null,
  operation_type text not null,
  resource_type text not null,
  resource_id text,
  customer_id uuid,
  new_value jsonb,
  operation_status text not null default 'Succeeded',
  correlation_id text,
  request_id text,
  created_at timestamptz not null default now()
);
create index audit_records_partner_idx on audit_records (partner_id, created_at);

-- SPEC §5 idempotency: claimed first (ON CONFLICT DO NOTHING) in the transaction of the change.
create table idempotency_records (
  partner_id uuid not null references partner_organizations (id),
  method text not null,
  route text not null,
  request_id text not null,
  request_hash text not null,
  status_code integer,
  response_encrypted text,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  primary key (partner_id, method, route, request_id)
);
create index idempotency_records_expiry_idx on idempotency_records (expires_at);

create table onboarding_drafts (
  id uuid primary key,
  user_id uuid not null references partner_users (id) on delete cascade,
  partner_id uuid not null references partner_organizations (id),
  step text not null default 'account',
  data jsonb not null,
  request_id text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index onboarding_drafts_user_idx on onboarding_drafts (user_id, updated_at);

-- The two cloud instances always exist; the operator configures their suffixes and features (see config).
insert into cloud_instances (id, name, domain_suffix, relationship_requests_enabled, indirect_model_enabled, agreement_required)
values ('public', 'Public cloud', 'onmicrosoft.com', true, true, true),
       ('usgov', 'US Government', 'onmicrosoft.us', false, false, false);
