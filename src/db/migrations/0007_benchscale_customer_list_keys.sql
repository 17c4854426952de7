-- Customers at scale (issue 8): a partner's list, its pages and its prefix searches read one index of
-- that partner's own relationships, in the list's order, whatever the size of the partner or of the
-- table. Joining customers and filtering by partner cannot do that: by the name order of all customers
-- a partner holding 0.5 % of them reads 200 rows for each of its own, and a prefix search of a partner
-- holding half of them sorted every match (4 s at 1,000,000 customers).
--
-- So each relationship carries its customer's sort and filter keys, copied by triggers on every write
-- (a relationship is added, a customer's name, domain, date or country changes), and the indexes lead
-- with the partner. The keys are "C"-collated, code-point order: the order both PGlite (C) and
-- PostgreSQL created as C.UTF-8 sorted `lower(company_name)` in already, and the one in which a LIKE
-- prefix is an index range.
alter table customer_relationships
  add column customer_name_key text collate "C",
  add column customer_domain text collate "C",
  add column customer_created_at timestamptz,
  add column customer_country text;

update customer_relationships cr
set customer_name_key = lower(c.company_name), customer_domain = c.domain, customer_created_at = c.created_at, customer_country = c.country
from customers c
where c.id = cr.customer_id;

alter table customer_relationships
  alter column customer_name_key set not null,
  alter column customer_domain set not null,
  alter column customer_created_at set not null,
  alter column customer_country set not null;

-- The keys of a relationship are its customer's, whatever the writer sent.
create function customer_relationships_copy_keys() returns trigger language plpgsql as $$
begin
  select lower(c.company_name), c.domain, c.created_at, c.country
    into new.customer_name_key, new.customer_domain, new.customer_created_at, new.customer_country
    from customers c where c.id = new.customer_id;
  if not found then
    -- The foreign key would say so after this trigger; NOT NULL would say it first, and less clearly.
    raise foreign_key_violation using message = format('customer %s of the relationship does not exist', new.customer_id);
  end if;
  return new;
end
$$;
create trigger customer_relationships_keys before insert or update on customer_relationships
  for each row execute function customer_relationships_copy_keys();

-- A customer's change reaches its relationships (whose trigger above copies the keys again).
create function customers_touch_relationships() returns trigger language plpgsql as $$
begin
  update customer_relationships set customer_id = customer_id where customer_id = new.id;
  return null;
end
$$;
create trigger customers_relationship_keys after update of company_name, domain, created_at, country on customers
  for each row
  when (old.company_name is distinct from new.company_name or old.domain is distinct from new.domain
        or old.created_at is distinct from new.created_at or old.country is distinct from new.country)
  execute function customers_touch_relationships();

-- The list reads active relationships only. By name (and a CompanyName prefix: a range of the name key);
-- by date added; a Domain prefix (a range, the name key beside it for the page's sort); the countries
-- (read by skipping from one to the next).
create index customer_relationships_name_idx on customer_relationships (partner_id, customer_name_key, customer_id) where state = 'active';
create index customer_relationships_created_idx on customer_relationships (partner_id, customer_created_at, customer_id) where state = 'active';
create index customer_relationships_domain_idx on customer_relationships (partner_id, customer_domain) include (customer_name_key, customer_id) where state = 'active';
create index customer_relationships_country_idx on customer_relationships (partner_id, customer_country) where state = 'active';

-- Orders and prefixes of all customers together, which no query reads any more (the `contains` search
-- keeps its trigram indexes, and domains their unique index).
drop index customers_name_idx;
drop index customers_name_prefix_idx;
drop index customers_domain_prefix_idx;
drop index customers_created_idx;
