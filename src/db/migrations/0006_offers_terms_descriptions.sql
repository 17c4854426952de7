-- Offers sold with more than one term (new commerce: a one-month or a one-year commitment, some three
-- years), and offer descriptions in more than one language (GET /v1/offers with X-Locale).

-- The terms besides the usual one (`term`), in the order the catalog lists them.
alter table offers add column other_terms text[] not null default '{}';
alter table offers add constraint offers_other_terms_check
  check (other_terms <@ array['P1M', 'P1Y', 'P3Y', 'none']::text[] and not (term = any (other_terms)));

-- Translated descriptions by locale, e.g. {"zh-TW": "..."}; `description` is the default.
alter table offers add column descriptions jsonb not null default '{}'::jsonb;
alter table offers add constraint offers_descriptions_check check (jsonb_typeof(descriptions) = 'object');

-- Partner Center's OrderLineItem.termDuration: the term this line was bought with.
alter table order_line_items add column term_duration text;
update order_line_items li set term_duration = s.term from subscriptions s where s.id = li.subscription_id;
alter table order_line_items alter column term_duration set not null;
