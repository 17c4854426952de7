-- Issue 10 parts 3 and 4: the customer's billing profile is edited (PUT .../profiles/billing with its
-- etag), and the customer's users are kept (POST/GET/PATCH/DELETE .../users, directory roles, licenses).

-- The billing profile's etag: compare-and-set on it refuses a lost update (412).
alter table customers add column version integer not null default 1;

-- A customer's users, as Partner Center lets a partner support them. The user principal name is unique
-- in its customer, case-insensitively, among the users not deleted (ours: a deleted user's name is free
-- again; Partner Center keeps it while the user can be restored). The customer's admin (admin@<domain>)
-- is one of them, `is_tenant_admin`: its password stays where the customer admin's sign-in reads it
-- (customers.admin_password_hash), so its `password_hash` here is null.
create table customer_users (
  id uuid primary key,
  customer_id uuid not null references customers (id),
  user_principal_name text not null,
  display_name text not null,
  first_name text,
  last_name text,
  usage_location text,
  is_tenant_admin boolean not null default false,
  -- 'sha256$<hex>' for a generated password, 'scrypt$...' for one the partner chose.
  password_hash text,
  force_change_password boolean not null default true,
  password_set_at timestamptz,
  created_at timestamptz not null default now(),
  deleted_at timestamptz
);
create unique index customer_users_upn_key on customer_users (customer_id, lower(user_principal_name)) where deleted_at is null;
create unique index customer_users_one_admin_key on customer_users (customer_id) where is_tenant_admin;

-- Directory roles (Azure AD's built-in roles, by role template id; the list is in #domain/customer-users.ts).
create table customer_user_roles (
  user_id uuid not null references customer_users (id),
  role_id text not null,
  primary key (user_id, role_id)
);
create index customer_user_roles_role_idx on customer_user_roles (role_id);

-- A license: a user × one of the customer's subscriptions (never more than its quantity: the
-- subscription row is locked while one is assigned).
create table customer_user_licenses (
  user_id uuid not null references customer_users (id),
  subscription_id uuid not null references subscriptions (id),
  assigned_at timestamptz not null default now(),
  primary key (user_id, subscription_id)
);
create index customer_user_licenses_subscription_idx on customer_user_licenses (subscription_id);

-- Every customer's admin is a user holding the Global Administrator role: made with the customer,
-- whichever path writes it (POST /v1/customers, onboarding, the operator's tenants create).
create function customer_users_add_admin() returns trigger language plpgsql as $fn$
declare
  admin_id uuid := gen_random_uuid();
begin
  insert into customer_users (id, customer_id, user_principal_name, display_name, is_tenant_admin, force_change_password, password_set_at, created_at)
  values (admin_id, new.id, new.admin_user_name || '@' || new.domain, new.admin_user_name, true, new.admin_password_temporary, new.admin_password_set_at, new.created_at);
  insert into customer_user_roles (user_id, role_id) values (admin_id, '62e90394-69f5-4237-9190-012177145e10');
  return new;
end
$fn$;
create trigger customers_add_admin_user after insert on customers for each row execute function customer_users_add_admin();

insert into customer_users (id, customer_id, user_principal_name, display_name, is_tenant_admin, force_change_password, password_set_at, created_at)
select gen_random_uuid(), c.id, c.admin_user_name || '@' || c.domain, c.admin_user_name, true, c.admin_password_temporary, c.admin_password_set_at, c.created_at
from customers c;
insert into customer_user_roles (user_id, role_id)
select u.id, '62e90394-69f5-4237-9190-012177145e10' from customer_users u where u.is_tenant_admin;
