-- Channels: PR channels with metric snapshots, imports with preview, content calendar, influencer and
-- paid SNS promotions, press-release hints, SNS events with commit-reveal prize draws, coupons.

create table channels_channel (
    id             bigserial primary key,
    kind           varchar(20)  not null check (kind in ('YOUTUBE','BLOG','INSTAGRAM','KAKAO_CHANNEL','SMS_ALERT','CUSTOM')),
    name           varchar(100) not null unique,
    url            varchar(500),
    opened_on      date,
    cadence        varchar(100),
    subscriber_kpi varchar(60),
    content_kpi    varchar(60),
    external_id    varchar(200),               -- YouTube channel id / Instagram user id for connectors
    active         boolean      not null default true,
    sort_order     int          not null default 100,
    created_at     timestamptz  not null
);

create table channels_metric (
    id          bigserial primary key,
    channel_id  bigint       not null references channels_channel (id),
    as_of       date         not null,
    subscribers bigint       check (subscribers >= 0),
    contents    bigint       check (contents >= 0),
    views       bigint       check (views >= 0),
    source      varchar(20)  not null,          -- SEED, MANUAL, IMPORT, API
    note        varchar(200),
    recorded_by varchar(100) not null,
    recorded_at timestamptz  not null,
    unique (channel_id, as_of)
);

-- Uploaded files checked but not yet applied (preview with errors), applied all at once.
create table channels_import (
    id          bigserial primary key,
    kind        varchar(20)  not null,          -- METRICS, ENTRANTS, COUPON_CODES
    target_id   bigint       not null,
    file_name   varchar(255),
    rows_json   text         not null,
    errors_json text         not null,
    created_by  varchar(100) not null,
    created_at  timestamptz  not null,
    applied_at  timestamptz
);

create table channels_content (
    id                  bigserial primary key,
    title               varchar(200) not null,
    format              varchar(20)  not null check (format in ('VIDEO','CARD_NEWS','BLOG_POST','REEL','NOTICE')),
    content_type        varchar(40)  not null,
    status              varchar(12)  not null check (status in ('IDEA','PRODUCTION','REVIEW','SCHEDULED','PUBLISHED')),
    planned_on          date,
    published_on        date,
    views               bigint       check (views >= 0),
    url                 varchar(500),
    press_release_id    bigint,
    press_release_title varchar(300),
    notes               varchar(2000),
    created_by          varchar(100) not null,
    created_at          timestamptz  not null,
    version             int          not null default 0
);
create table channels_content_channel (
    content_id bigint not null references channels_content (id) on delete cascade,
    channel_id bigint not null references channels_channel (id),
    primary key (content_id, channel_id)
);
create table channels_content_tag (
    content_id bigint      not null references channels_content (id) on delete cascade,
    tag        varchar(40) not null,
    primary key (content_id, tag)
);

create table channels_promotion (
    id              bigserial primary key,
    kind            varchar(12)  not null check (kind in ('INFLUENCER','PAID_AD')),
    content_id      bigint references channels_content (id),
    partner         varchar(200) not null,
    target_audience varchar(300),
    start_on        date         not null,
    end_on          date         not null,
    budget_won      bigint       not null check (budget_won >= 0),
    cost_won        bigint       check (cost_won >= 0),
    reach           bigint       check (reach >= 0),
    clicks          bigint       check (clicks >= 0),
    program_code    varchar(10),
    cancelled       boolean      not null default false,
    created_by      varchar(100) not null,
    created_at      timestamptz  not null,
    check (end_on >= start_on)
);

-- Recently published press releases (from the press module's event), offered for linking.
create table channels_press_release (
    release_id   bigint       primary key,
    version      int          not null,
    title        varchar(300) not null,
    public_url   varchar(300),
    published_at timestamptz  not null
);

create table channels_event (
    id             bigserial primary key,
    slug           varchar(60)  not null unique,
    title          varchar(200) not null,
    rules          text         not null,
    prize          varchar(300) not null,
    winners_count  int          not null check (winners_count > 0),
    start_at       timestamptz  not null,
    end_at         timestamptz  not null,
    entry_form     boolean      not null default true,
    channel_id     bigint,
    status         varchar(12)  not null check (status in ('DRAFT','OPEN','CLOSED','COMMITTED','DRAWN')),
    seed_hash      char(64),                    -- SHA-256 of the seed, published before the draw
    seed_secret    text,                        -- the seed, encrypted until revealed
    seed           char(64),                    -- revealed after the draw
    entrants_hash  char(64),                    -- SHA-256 of the published entrant list, frozen at commit
    committed_at   timestamptz,
    drawn_at       timestamptz,
    created_by     varchar(100) not null,
    created_at     timestamptz  not null,
    check (end_at > start_at)
);

create table channels_entry (
    id            bigserial primary key,
    event_id      bigint       not null references channels_event (id),
    seq           int          not null,
    identity_hash char(64)     not null,        -- lookupHash of phone digits or "account:<platform>:<id>"
    contact       text,                          -- encrypted phone, when given
    masked        varchar(100) not null,
    source        varchar(10)  not null check (source in ('FORM','IMPORT')),
    entered_at    timestamptz  not null,
    winner_rank   int,
    notified_at   timestamptz,
    unique (event_id, identity_hash),
    unique (event_id, seq)
);

create table channels_coupon_offer (
    id                bigserial primary key,
    partner           varchar(200) not null,
    title             varchar(200) not null,
    offer             varchar(500) not null,
    valid_from        date         not null,
    valid_until       date         not null,
    partner_code_hash char(64)     not null,
    created_by        varchar(100) not null,
    created_at        timestamptz  not null,
    check (valid_until >= valid_from)
);

create table channels_coupon (
    id            bigserial primary key,
    offer_id      bigint       not null references channels_coupon_offer (id),
    code          varchar(40)  not null,
    status        varchar(10)  not null check (status in ('AVAILABLE','ISSUED','REDEEMED')),
    issued_to     varchar(60),                  -- subscriber:<id> or entry:<id>
    issued_masked varchar(100),
    issued_at     timestamptz,
    redeemed_at   timestamptz,
    unique (offer_id, code)
);
create index channels_coupon_code on channels_coupon (code);
