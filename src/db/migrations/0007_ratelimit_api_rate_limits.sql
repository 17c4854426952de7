-- Issue 8: the API rate limit's counters, shared by every server process on one PostgreSQL. One row per
-- key (a partner organisation, or a client address for unauthenticated calls) and fixed window: a
-- request is one `insert ... on conflict do update ... returning`. Unlogged: counters need no WAL, and
-- after a crash of the database server the table starts empty, which only forgives a minute of calls.
-- The hourly purge deletes the windows that have ended. (On PGlite the server counts in memory.)
create unlogged table api_rate_limits (
  key text primary key,
  hits integer not null,
  resets_at timestamptz not null
);
