-- Messaging: subscribers with consent records, suppression list, templates, weekly schedules,
-- bulletins and the delivery outbox (one row per bulletin x recipient, claimed FOR UPDATE SKIP LOCKED).

create table messaging_subscriber (
    id               bigserial primary key,
    channel          varchar(10)  not null check (channel in ('SMS','KAKAO','EMAIL')),
    contact          text         not null,           -- PersonalDataCipher ciphertext (phone digits / e-mail)
    contact_hash     char(64)     not null,           -- PersonalDataCipher.lookupHash(normalised contact)
    contact_masked   varchar(100) not null,
    status           varchar(12)  not null check (status in ('PENDING','ACTIVE','OPTED_OUT')),
    source           varchar(20)  not null,           -- WEB, IMPORT, STAFF
    advertising      boolean      not null default false,  -- separate consent to advertising messages
    advertising_confirmed_at timestamptz,             -- last (re)confirmation; valid for 2 years
    night            boolean      not null default false,  -- consent to advertising 21:00-08:00
    token            char(32)     not null unique,    -- opt-out / re-confirmation link
    created_at       timestamptz  not null,
    confirmed_at     timestamptz,
    opted_out_at     timestamptz,
    opt_out_reason   varchar(40),
    reconfirm_sent_at timestamptz,
    version          int          not null default 0,
    unique (channel, contact_hash)
);
create index messaging_subscriber_active on messaging_subscriber (channel) where status = 'ACTIVE';

-- Consent evidence: every grant or withdrawal, never updated.
create table messaging_consent (
    id              bigserial primary key,
    subscriber_id   bigint       not null references messaging_subscriber (id),
    purpose         varchar(20)  not null check (purpose in ('INFORMATION','ADVERTISING','NIGHT_ADVERTISING')),
    granted         boolean      not null,
    wording_version varchar(40)  not null,
    at              timestamptz  not null,
    source          varchar(40)  not null,            -- WEB, IMPORT, REPLY_KEYWORD, LIST_080, LINK, STAFF, RECONFIRM
    evidence        varchar(500)
);
create index messaging_consent_subscriber on messaging_consent (subscriber_id, at);

-- Numbers/addresses that must never receive messages again (opt-out by any route), by lookup hash.
create table messaging_suppression (
    contact_hash char(64)     not null,
    channel      varchar(10)  not null,               -- SMS, KAKAO, EMAIL or ALL
    reason       varchar(40)  not null,
    at           timestamptz  not null,
    primary key (contact_hash, channel)
);

-- Kakao 알림톡 templates registered with Kakao (code + content with #{variables}) and text templates.
create table messaging_template (
    id            bigserial primary key,
    name          varchar(100) not null,
    channel       varchar(10)  not null check (channel in ('SMS','KAKAO','EMAIL')),
    kakao_code    varchar(60)  unique,
    subject       varchar(200),
    body          text         not null,
    approved      boolean      not null default false,
    created_at    timestamptz  not null,
    version       int          not null default 0
);

-- Weekly slots (SMS Monday, Kakao Thursday by default; editable by staff).
create table messaging_schedule (
    channel     varchar(10) primary key check (channel in ('SMS','KAKAO','EMAIL')),
    day_of_week smallint    not null check (day_of_week between 1 and 7),
    send_time   time        not null,
    enabled     boolean     not null default true
);
insert into messaging_schedule (channel, day_of_week, send_time) values ('SMS', 1, '10:00'), ('KAKAO', 4, '10:00');

create table messaging_bulletin (
    id             bigserial primary key,
    title          varchar(200) not null,
    channel        varchar(10)  not null check (channel in ('SMS','KAKAO','EMAIL')),
    category       varchar(12)  not null check (category in ('INFORMATION','ADVERTISING')),
    template_id    bigint,
    kakao_code     varchar(60),
    subject        varchar(200),
    body           text         not null,            -- with #{variables}
    variables      text         not null default '', -- name=value lines
    rendered       text         not null,            -- final text incl. (광고) prefix and opt-out footer
    message_type   varchar(5)   not null,            -- SMS, LMS, MMS, ATA (알림톡), EMAIL
    byte_length    int          not null,
    image_sha256   char(64),
    gateway_image_id varchar(100),
    status         varchar(12)  not null check (status in ('DRAFT','SCHEDULED','SENDING','SENT','CANCELLED')),
    scheduled_at   timestamptz,
    started_at     timestamptz,
    finished_at    timestamptz,
    recipients     int          not null default 0,
    created_by     varchar(100) not null,
    created_at     timestamptz  not null,
    version        int          not null default 0
);
create index messaging_bulletin_due on messaging_bulletin (scheduled_at) where status = 'SCHEDULED';

-- The delivery outbox: exactly one row per bulletin x recipient (idempotency key), plus Kakao fallbacks.
create table messaging_delivery (
    id              bigserial primary key,
    bulletin_id     bigint       not null references messaging_bulletin (id),
    subscriber_id   bigint       not null,
    channel         varchar(10)  not null,
    message_type    varchar(5)   not null,
    recipient       text         not null,            -- ciphertext copied from the subscriber
    idempotency_key varchar(80)  not null unique,
    advertising     boolean      not null,
    night_allowed   boolean      not null,
    fallback_of     bigint,
    status          varchar(12)  not null check (status in ('PENDING','SENDING','SENT','DELIVERED','FAILED','OPTED_OUT','FALLBACK')),
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    claimed_at      timestamptz,
    claimed_by      varchar(40),
    provider_id     varchar(100),
    last_error      varchar(500),
    sent_at         timestamptz,
    reported_at     timestamptz
);
create index messaging_delivery_due on messaging_delivery (next_attempt_at, id) where status = 'PENDING';
create index messaging_delivery_bulletin on messaging_delivery (bulletin_id, status);
create index messaging_delivery_claimed on messaging_delivery (claimed_at) where status = 'SENDING';

-- Delivery reports received (webhook), kept to make duplicate callbacks harmless and auditable.
create table messaging_report (
    report_key   varchar(200) primary key,
    delivery_id  bigint,
    status       varchar(20) not null,
    code         varchar(20),
    received_at  timestamptz not null
);

-- KakaoTalk notifications of other modules: the text kept until the delivery report, for SMS fallback.
create table messaging_notification_fallback (
    message_key varchar(80)  primary key,
    recipient   text         not null,
    text        text         not null,
    created_at  timestamptz  not null,
    fallback_at timestamptz
);
