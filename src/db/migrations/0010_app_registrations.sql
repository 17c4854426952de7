-- App registrations (issue 11): programs sign in as Partner Center programs do, with an application id and
-- a secret (app-only) or a refresh token a partner user made for the app (app+user), at a token endpoint
-- shaped like the Microsoft identity platform's; access tokens are JWTs signed with a key kept here.

-- An app acts, app-only, as its own service principal: a partner user of kind `application`, with roles and
-- no password, so that everything that records who acted (audit, orders) records the app.
alter table partner_users add column kind text not null default 'person';
alter table partner_users add constraint partner_users_kind_check check (kind in ('person', 'application'));

create table app_registrations (
  -- The application (client) id.
  id uuid primary key,
  partner_id uuid not null references partner_organizations (id),
  service_user_id uuid not null unique references partner_users (id),
  display_name text not null,
  created_by uuid references partner_users (id),
  created_at timestamptz not null default now(),
  deleted_at timestamptz
);
create index app_registrations_partner_idx on app_registrations (partner_id, created_at);

-- Client secrets: shown once, kept as SHA-256 (random secrets), with the first characters as a hint.
create table app_secrets (
  id uuid primary key,
  app_id uuid not null references app_registrations (id),
  description text not null,
  hint text not null,
  secret_hash text not null unique,
  created_by uuid references partner_users (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index app_secrets_app_idx on app_secrets (app_id);

-- Refresh tokens (app + user). Each use replaces the token by a new one of the same family; a used token
-- presented again revokes the family (a copy is in someone else's hands).
create table app_refresh_tokens (
  id uuid primary key,
  app_id uuid not null references app_registrations (id),
  user_id uuid not null references partner_users (id),
  family_id uuid not null,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  revoked_at timestamptz
);
create index app_refresh_tokens_family_idx on app_refresh_tokens (family_id);
create index app_refresh_tokens_user_idx on app_refresh_tokens (user_id, app_id);

-- The keys that sign access tokens: the private key sealed with the keyring kept outside the database
-- (decision 010), the public one published at the JWKS endpoint. The newest signs; a key is replaced after
-- the rotation period and published until every token it signed has expired.
create table signing_keys (
  kid text primary key,
  algorithm text not null,
  public_jwk jsonb not null,
  private_key_sealed text not null,
  created_at timestamptz not null default now()
);
create index signing_keys_created_idx on signing_keys (created_at);
