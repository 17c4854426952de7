-- Issue 10 part 2: changing a subscription (PATCH /v1/customers/{id}/subscriptions/{id}).
--
-- Each purchase of licenses (the order that made the subscription, and each increase since) is a row of
-- subscription_purchases: `quantity` seats bought at `purchased_at`, of which `remaining` are still held.
-- A decrease may remove only seats of purchases made within the cancellation window (7 days, SPEC §7;
-- #domain/subscription/license-window.ts), and takes them from those purchases' `remaining`.
create table subscription_purchases (
  id bigint generated always as identity primary key,
  subscription_id uuid not null references subscriptions (id),
  quantity integer not null check (quantity >= 1),
  remaining integer not null check (remaining >= 0 and remaining <= quantity),
  purchased_at timestamptz not null
);
create index subscription_purchases_subscription_idx on subscription_purchases (subscription_id, purchased_at);

-- A new subscription is its first purchase, whoever writes it (an order, an onboarding, the seed).
create function subscriptions_first_purchase() returns trigger language plpgsql as $$
begin
  insert into subscription_purchases (subscription_id, quantity, remaining, purchased_at)
  values (new.id, new.quantity, new.quantity, new.created_at);
  return null;
end
$$;
create trigger subscriptions_first_purchase after insert on subscriptions
  for each row execute function subscriptions_first_purchase();

-- Subscriptions written before: their quantity as one purchase at their creation.
insert into subscription_purchases (subscription_id, quantity, remaining, purchased_at)
select s.id, s.quantity, s.quantity, s.created_at from subscriptions s;

-- The history a subscription's page shows: who changed what, when, from which value to which.
create table subscription_changes (
  id uuid primary key,
  subscription_id uuid not null references subscriptions (id),
  customer_id uuid not null references customers (id),
  partner_id uuid not null references partner_organizations (id),
  user_id uuid references partner_users (id),
  actor text not null,
  -- [{ "field": "quantity", "oldValue": 5, "newValue": 8 }, ...]
  changes jsonb not null,
  -- The subscription's version after the change.
  version integer not null,
  changed_at timestamptz not null
);
create index subscription_changes_subscription_idx on subscription_changes (subscription_id, changed_at desc, id);
