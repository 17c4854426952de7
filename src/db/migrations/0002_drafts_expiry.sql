-- Drafts expire DRAFT_TTL_DAYS after their last save (updated_at): the hourly purge deletes by it.
create index onboarding_drafts_updated_idx on onboarding_drafts (updated_at);
