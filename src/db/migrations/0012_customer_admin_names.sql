-- The customer's admin carries the names of the customer's contact (the billing profile's), as Partner
-- Center's new tenants do: its list of users shows the admin with a first and last name.
create or replace function customer_users_add_admin() returns trigger language plpgsql as $fn$
declare
  admin_id uuid := gen_random_uuid();
begin
  insert into customer_users (id, customer_id, user_principal_name, display_name, first_name, last_name, is_tenant_admin, force_change_password, password_set_at, created_at)
  values (admin_id, new.id, new.admin_user_name || '@' || new.domain, new.admin_user_name, new.first_name, new.last_name, true, new.admin_password_temporary, new.admin_password_set_at, new.created_at);
  insert into customer_user_roles (user_id, role_id) values (admin_id, '62e90394-69f5-4237-9190-012177145e10');
  return new;
end
$fn$;

update customer_users u
set first_name = c.first_name, last_name = c.last_name
from customers c
where u.customer_id = c.id and u.is_tenant_admin and u.first_name is null and u.last_name is null;
