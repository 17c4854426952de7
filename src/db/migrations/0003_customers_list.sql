-- The customers list (issue 7): search inside company names and domains, sort by date added.
--
-- pg_trgm's GIN indexes serve `lower(x) like '%word%'`, which no B-tree can. The extension is
-- database-wide, while our tables may live in a schema of their own (DATABASE_SCHEMA, or one schema
-- per test file): it goes to `public` when we may create there, so that dropping one schema never
-- drops it from under another, and the indexes name its operator class wherever it is.
do $trgm$
declare
  trgm_schema text;
begin
  if not exists (select 1 from pg_extension where extname = 'pg_trgm') then
    if exists (select 1 from pg_namespace where nspname = 'public') and has_schema_privilege('public', 'CREATE') then
      create extension pg_trgm schema public;
    else
      execute format('create extension pg_trgm schema %I', current_schema());
    end if;
  end if;
  select n.nspname into trgm_schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm';
  execute format('create index customers_name_trgm_idx on customers using gin (lower(company_name) %I.gin_trgm_ops)', trgm_schema);
  execute format('create index customers_domain_trgm_idx on customers using gin (lower(domain) %I.gin_trgm_ops)', trgm_schema);
end
$trgm$;

-- Keyset pagination by date added: (created_at, id), read forwards or backwards.
create index customers_created_idx on customers (created_at, id);
