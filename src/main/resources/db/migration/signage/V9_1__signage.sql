-- Digital signage: devices, content, playlists, campaigns, proof of play.

-- Fleet figures of the 2025 work plan (미디어보드 663, 사이니지 46, 미디어월 1). Devices are registered
-- one by one when they are paired; these rows are the installation targets the registry reports against.
create table signage_fleet_target (
    kind          varchar(20)  primary key check (kind in ('MEDIA_BOARD','SIGNAGE','MEDIA_WALL')),
    planned_count int          not null check (planned_count >= 0),
    source        varchar(200) not null
);

create table signage_device (
    id                      bigserial    primary key,
    code                    varchar(40)  not null unique,
    name                    varchar(200) not null,
    kind                    varchar(20)  not null check (kind in ('MEDIA_BOARD','SIGNAGE','MEDIA_WALL')),
    building                varchar(200) not null default '',
    place                   varchar(200) not null default '',
    dong                    varchar(40)  not null default '',
    orientation             varchar(10)  not null check (orientation in ('LANDSCAPE','PORTRAIT')),
    width_px                int          not null check (width_px between 1 and 16384),
    height_px               int          not null check (height_px between 1 and 16384),
    groups                  text[]       not null default '{}',
    tags                    text[]       not null default '{}',
    status                  varchar(10)  not null default 'ACTIVE' check (status in ('ACTIVE','RETIRED')),
    token_hash              char(64)     unique,
    token_issued_at         timestamptz,
    token_revoked_at        timestamptz,
    paired_at               timestamptz,
    last_seen_at            timestamptz,
    last_ip                 varchar(64),
    player_version          varchar(100),
    clock_skew_ms           bigint,
    offline_alerted_at      timestamptz,
    screenshot_requested_at timestamptz,
    screenshot_sha256       char(64),
    screenshot_at           timestamptz,
    note                    text         not null default '',
    created_at              timestamptz  not null,
    updated_at              timestamptz  not null,
    version                 int          not null default 0
);
create index signage_device_kind on signage_device (kind);
create index signage_device_groups on signage_device using gin (groups);
create index signage_device_tags on signage_device using gin (tags);

-- A pairing code shown by a new player. The player holds the secret (only its hash is stored); staff
-- enter the code to attach the player to a device; the player then claims its device token once.
create table signage_pairing (
    id          bigserial   primary key,
    code        varchar(12) not null,
    secret_hash char(64)    not null unique,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    requester_ip varchar(64),
    device_id   bigint,
    paired_by   varchar(100),
    paired_at   timestamptz,
    claimed_at  timestamptz
);
create unique index signage_pairing_open_code on signage_pairing (code) where claimed_at is null;

-- Minutes with a heartbeat, one bit per minute of the hour (idempotent under repeated heartbeats).
create table signage_device_uptime (
    device_id   bigint      not null,
    hour_start  timestamptz not null,
    minute_mask bigint      not null,
    primary key (device_id, hour_start)
);

create table signage_content (
    id              bigserial    primary key,
    title           varchar(200) not null,
    kind            varchar(10)  not null check (kind in ('IMAGE','VIDEO','NOTICE','TICKER')),
    status          varchar(20)  not null check (status in ('PENDING','APPROVED','REJECTED','WITHDRAWN')),
    file_sha256     char(64),
    media_type      varchar(100),
    size_bytes      bigint,
    width_px        int,
    height_px       int,
    duration_ms     bigint,
    body_text       text         not null default '',
    qr_sha256       char(64),
    link_url        varchar(500),
    valid_from      date,
    valid_until     date,
    source          varchar(20)  not null check (source in ('UPLOAD','STAFF','PRESS','CONTEST','NEWSLETTER')),
    source_key      varchar(200) unique,
    check_note      text         not null default '',
    submitted_by    varchar(100) not null,
    submitted_at    timestamptz  not null,
    decided_by      varchar(100),
    decided_at      timestamptz,
    decision_note   text,
    version         int          not null default 0,
    check (valid_until is null or valid_from is null or valid_until >= valid_from)
);
create index signage_content_status on signage_content (status);

create table signage_playlist (
    id          bigserial    primary key,
    name        varchar(200) not null,
    layout      varchar(20)  not null check (layout in ('FULL_SCREEN','MAIN_WITH_TICKER')),
    description text         not null default '',
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    version     int          not null default 0
);

create table signage_playlist_item (
    playlist_id      bigint not null references signage_playlist (id) on delete cascade,
    position         int    not null,
    content_id       bigint not null references signage_content (id),
    duration_seconds int    not null check (duration_seconds between 1 and 3600),
    primary key (playlist_id, position)
);

create table signage_campaign (
    id             bigserial    primary key,
    name           varchar(200) not null,
    kind           varchar(10)  not null check (kind in ('NORMAL','INTERRUPT','DEFAULT')),
    playlist_id    bigint       not null references signage_playlist (id),
    start_date     date         not null,
    end_date       date         not null,
    priority       int          not null check (priority between 0 and 100),
    share_percent  int          not null default 0 check (share_percent between 0 and 90),
    status         varchar(10)  not null default 'ACTIVE' check (status in ('ACTIVE','PAUSED')),
    target_all     boolean      not null default false,
    target_kinds   text[]       not null default '{}',
    target_groups  text[]       not null default '{}',
    target_tags    text[]       not null default '{}',
    target_devices bigint[]     not null default '{}',
    created_by     varchar(100) not null,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    version        int          not null default 0,
    check (end_date >= start_date)
);

-- Dayparts of a campaign: weekdays (bit 0 = Monday … bit 6 = Sunday) and a time window that may
-- cross midnight (end < start); start = end means the whole day.
create table signage_daypart (
    campaign_id bigint   not null references signage_campaign (id) on delete cascade,
    position    int      not null,
    weekdays    smallint not null check (weekdays between 1 and 127),
    start_time  time     not null,
    end_time    time     not null,
    primary key (campaign_id, position)
);

-- Proof of play as reported by players; (device_id, play_id) makes replays count once.
create table signage_proof_of_play (
    id                bigserial   primary key,
    device_id         bigint      not null,
    play_id           uuid        not null,
    content_id        bigint      not null,
    campaign_id       bigint,
    playlist_id       bigint,
    started_at        timestamptz not null,
    duration_ms       int         not null check (duration_ms > 0),
    device_started_at timestamptz not null,
    skew_ms           bigint      not null default 0,
    received_at       timestamptz not null,
    unique (device_id, play_id)
);
create index signage_pop_campaign on signage_proof_of_play (campaign_id, started_at);
create index signage_pop_content on signage_proof_of_play (content_id, started_at);
create index signage_pop_device on signage_proof_of_play (device_id, started_at);

-- One row: bumped in the transaction of every change that can alter a schedule; every node polls it
-- to refresh its schedule cache and to tell connected players.
create table signage_state (
    id               int    primary key check (id = 1),
    schedule_version bigint not null
);
insert into signage_state (id, schedule_version) values (1, 1);
