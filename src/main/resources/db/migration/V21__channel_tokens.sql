-- OAuth tokens of channel accounts (X8): the refreshed access and refresh tokens, encrypted with the key from
-- disputehub.tokens.encryption-key (AES-GCM; the environment gives it), one row per account. The row is locked
-- while an instance refreshes, so one refresh runs at a time across instances.
create table channel_token (
    account_id         text primary key,
    access_token       bytea,
    access_expires_at  timestamptz,
    refresh_token      bytea not null,
    refresh_expires_at timestamptz,
    -- the hash of the refresh token configured when this row was seeded: a different one configured reconnects
    configured_hash    text not null,
    refreshed_at       timestamptz,
    refreshes          integer not null default 0,
    -- set when the channel refused the refresh token (revoked or expired): the account is paused
    revoked_at         timestamptz,
    revoked_reason     text
);
