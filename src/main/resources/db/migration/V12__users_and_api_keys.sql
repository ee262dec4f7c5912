-- Trust (issue 13, X6): people who sign in, with a role, and API keys for ERPs, stored as hashes only.
create table app_user (
    id             uuid primary key,
    login          text        not null,
    email          text,
    display_name   text,
    role           text        not null,
    enabled        boolean     not null default true,
    password_hash  text        not null,
    created_at     timestamptz not null,
    last_sign_in_at timestamptz
);
create unique index app_user_login_uk on app_user (lower(login));

create table api_key (
    id           uuid primary key,
    name         text        not null,
    secret_hash  text        not null unique,
    scopes       text[]      not null,
    created_by   text        not null,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    expires_at   timestamptz,
    revoked_at   timestamptz
);
