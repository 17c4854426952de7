-- Issue 9 parts 5 and 6: the indirect channel and multi-partner isolation.
--
-- A reseller's relationship row made because its provider associated it with a customer (the wizard's
-- reseller, POST /v1/customers' associatedPartnerId, PUT /v1/customers/{id}/indirectreseller) is
-- `associated`: the reseller sees the customer and what its provider sold through it, but it has no
-- relationship of its own (the customer never accepted the reseller) and cannot order. An accepted
-- relationship request makes it `invited` (its own). Provider-made reseller rows until now were written
-- `created`, which a reseller can never do itself (it cannot add customers): they are associations.
alter table customer_relationships drop constraint customer_relationships_origin_check;
alter table customer_relationships add constraint customer_relationships_origin_check check (origin in ('created', 'invited', 'associated'));

update customer_relationships cr set origin = 'associated'
from partner_organizations p
where p.id = cr.partner_id and p.kind = 'indirect_reseller' and cr.origin = 'created';

-- A provider's customer associated with a reseller that has no row of its own (written before the
-- association made one) gets one, so that the reseller's list, read from its own rows, shows it.
insert into customer_relationships (customer_id, partner_id, origin, state, indirect_reseller_id, indirect_provider_id, created_at)
select cr.customer_id, cr.indirect_reseller_id, 'associated', cr.state, null, cr.partner_id, cr.created_at
from customer_relationships cr
where cr.indirect_reseller_id is not null
  and not exists (select from customer_relationships own where own.customer_id = cr.customer_id and own.partner_id = cr.indirect_reseller_id);

-- Each partner records its own confirmation of the customer's acceptance (multi-partner): the same
-- signer twice is a conflict for one partner, not across partners.
drop index agreement_confirmations_signer_key;
create unique index agreement_confirmations_signer_key on agreement_confirmations
  (customer_id, partner_id, agreement_type, lower(signer_first_name), lower(signer_last_name), lower(signer_email), coalesce(signer_phone, ''));
create index agreement_confirmations_customer_partner_idx on agreement_confirmations (customer_id, partner_id, agreement_type);
