-- Platform: staff accounts, API tokens, hash-chained audit log, notification outbox, file store,
-- one-time codes for residents, seed runs, Modulith event publication registry, ShedLock.

create table platform_account (
    id                    bigserial primary key,
    username              varchar(64)  not null unique,
    display_name          varchar(100) not null,
    email                 varchar(254),
    password_hash         varchar(200) not null,
    team_code             varchar(40),
    team_lead             boolean      not null default false,
    enabled               boolean      not null default true,
    must_change_password  boolean      not null default true,
    failed_attempts       int          not null default 0,
    locked_until          timestamptz,
    last_login_at         timestamptz,
    created_at            timestamptz  not null default now(),
    version               int          not null default 0,
    constraint platform_account_username_format check (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$')
);

create table platform_account_role (
    account_id bigint      not null references platform_account (id) on delete cascade,
    role       varchar(20) not null check (role in ('ADMIN','DIRECTOR','PR_MEDIA','PRESS','DATA_AI','EDUCATION','VIEWER')),
    primary key (account_id, role)
);

create table platform_api_token (
    id          bigserial primary key,
    token_hash  char(64)     not null unique,
    account_id  bigint       not null references platform_account (id) on delete cascade,
    kind        varchar(12)  not null check (kind in ('SESSION','INTEGRATION')),
    label       varchar(100),
    prefix      varchar(12)  not null,
    created_at  timestamptz  not null default now(),
    expires_at  timestamptz,
    revoked_at  timestamptz,
    last_used_at timestamptz
);
create index platform_api_token_account on platform_api_token (account_id);

-- Append-only, hash-chained: each row's hash = SHA-256(previous hash || canonical content).
create table platform_audit_log (
    id          bigserial primary key,
    category    varchar(10)  not null check (category in ('CHANGE','ACCESS')),
    at          timestamptz  not null,
    actor       varchar(100) not null,
    action      varchar(100) not null,
    entity_type varchar(100) not null,
    entity_id   varchar(100),
    summary     text         not null,
    prev_hash   char(64)     not null,
    hash        char(64)     not null
);
create index platform_audit_log_entity on platform_audit_log (entity_type, entity_id);
create index platform_audit_log_at on platform_audit_log (at);

create function platform_audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception '감사 로그는 수정하거나 삭제할 수 없습니다 (append-only)';
end;
$$;
create trigger platform_audit_log_no_update before update or delete on platform_audit_log
    for each row execute function platform_audit_log_append_only();
create trigger platform_audit_log_no_truncate before truncate on platform_audit_log
    for each statement execute function platform_audit_log_append_only();

-- Outbox of notifications: written in the caller's transaction, sent after commit, retried.
create table platform_notification (
    id             bigserial primary key,
    channel        varchar(10)  not null,
    recipient      text         not null,
    recipient_hint varchar(100) not null,
    subject        varchar(300) not null,
    body           text         not null,
    purpose        varchar(40)  not null,
    advertising    boolean      not null default false,
    attachments    text         not null default '',
    idempotency_key varchar(200) unique,
    status         varchar(10)  not null default 'PENDING' check (status in ('PENDING','SENDING','SENT','FAILED')),
    attempts       int          not null default 0,
    next_attempt_at timestamptz not null default now(),
    claimed_at     timestamptz,
    last_error     text,
    created_at     timestamptz  not null default now(),
    sent_at        timestamptz
);
create index platform_notification_due on platform_notification (next_attempt_at) where status = 'PENDING';

create table platform_file (
    sha256        char(64)     primary key,
    size_bytes    bigint       not null,
    media_type    varchar(100) not null,
    original_name varchar(255),
    created_at    timestamptz  not null default now()
);

create table platform_one_time_code (
    id               bigserial primary key,
    purpose          varchar(40)  not null,
    destination_hash char(64)     not null,
    code_hash        char(64)     not null,
    created_at       timestamptz  not null,
    expires_at       timestamptz  not null,
    attempts         int          not null default 0,
    consumed_at      timestamptz
);
create index platform_one_time_code_lookup on platform_one_time_code (purpose, destination_hash, created_at desc);

create table platform_seed_run (
    dataset    varchar(100) not null,
    version    varchar(40)  not null,
    checksum   char(64)     not null,
    applied_at timestamptz  not null default now(),
    primary key (dataset, version)
);

create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

create table if not exists event_publication
(
  id                     uuid not null,
  listener_id            text not null,
  event_type             text not null,
  serialized_event       text not null,
  publication_date       timestamp with time zone not null,
  completion_date        timestamp with time zone,
  status                 text,
  completion_attempts    int,
  last_resubmission_date timestamp with time zone,
  primary key (id)
);
create index if not exists event_publication_serialized_event_hash_idx on event_publication using hash(serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);
