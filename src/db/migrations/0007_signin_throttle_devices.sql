-- Sign-in throttling per account and address, counted atomically (issue 8), and OWASP's device cookies.
-- The old per-row failure log could be raced (count, then check, then record) and locked everyone out
-- behind one address.

drop table sign_in_failures;

-- One counter per bucket: `pair` (email + address), `account` (email, clients the account does not know),
-- `address` (every account it has no device for), `device` (a known device, on its own). An attempt is
-- reserved here before the password is checked, and given back when it was right.
create table sign_in_throttles (
  scope text not null check (scope in ('pair', 'account', 'address', 'device')),
  key text not null,
  attempts integer not null check (attempts >= 0),
  window_started_at timestamptz not null,
  primary key (scope, key)
);
create index sign_in_throttles_window_idx on sign_in_throttles (window_started_at);

-- A browser that signed in to an account: the cookie carries a random token, kept here as its SHA-256.
create table trusted_devices (
  id uuid primary key,
  user_id uuid not null references partner_users (id) on delete cascade,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index trusted_devices_user_idx on trusted_devices (user_id, expires_at);
