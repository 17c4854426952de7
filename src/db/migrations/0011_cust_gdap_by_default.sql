-- Issue 11 part 2: Partner Center's create-a-customer call takes `enableGDAPByDefault`; its customer
-- answers `allowDelegatedAccess` accordingly. Since November 2023 Partner Center grants the default
-- delegated admin access when the request leaves it out, so the customers written before (and those
-- added otherwise, by invitation or by the operator) read as granted.
alter table customers add column delegated_access_by_default boolean not null default true;
