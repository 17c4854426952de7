-- Issue 10 part 5: the partner's own team (Settings → Users, /v1/partner/users).
--
-- last_sign_in_at: set on each successful sign-in (portal or POST /v1/auth/token), shown to global admins.
-- must_change_password: the password was set by someone else (a global admin created the user or reset
-- its password): until the user chooses its own, its sessions and tokens may only change it.
alter table partner_users add column last_sign_in_at timestamptz;
alter table partner_users add column must_change_password boolean not null default false;

-- The team list of an organisation, in email order (keyset paging on the email, unique in lower case).
create index partner_users_partner_email_idx on partner_users (partner_id, (lower(email)));
