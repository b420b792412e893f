-- Press office (언론팀): annual press plan, press releases with revisions, editions (원본/정정),
-- workflow comments, files, distribution with per-recipient delivery log, press contacts
-- (personal data encrypted), press relations, training, subscriptions and paid notices.

create table press_plan_item (
    id            bigserial primary key,
    plan_year     int          not null,
    plan_month    int          not null check (plan_month between 1 and 12),
    title         varchar(200) not null,
    issue         varchar(100),
    program_code  varchar(20),
    activity_id   bigint,
    derived_key   varchar(60)  unique,
    key_date      date,
    owner         varchar(64),
    status        varchar(12)  not null default 'PLANNED' check (status in ('PLANNED','DRAFTING','DISTRIBUTED','CANCELLED')),
    release_id    bigint,
    note          varchar(500),
    created_at    timestamptz  not null default now()
);
create index press_plan_item_year on press_plan_item (plan_year, plan_month);

create table press_release (
    id              bigserial primary key,
    plan_item_id    bigint,
    owner           varchar(64)  not null,
    owner_name      varchar(100) not null,
    team_code       varchar(40),
    status          varchar(20)  not null check (status in ('DRAFT','IN_REVIEW','AWAITING_APPROVAL','SCHEDULED','DISTRIBUTED')),
    edition         int          not null default 1,
    current_revision int         not null default 1,
    title           varchar(200) not null,
    list_codes      varchar(500) not null default '',
    distribute_at   timestamptz  not null,
    embargo_until   timestamptz  not null,
    reviewed_by     varchar(64),
    approved_by     varchar(64),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    lock_version    int          not null default 0
);
create index press_release_status on press_release (status, distribute_at);
create index press_release_created on press_release (created_at desc);

-- Every saved state of the text: revisions are never changed, diffs compare two of them.
create table press_release_revision (
    id             bigserial primary key,
    release_id     bigint       not null references press_release (id),
    revision       int          not null,
    edition        int          not null,
    title          varchar(200) not null,
    subtitle       varchar(500),
    body           text         not null,
    department     varchar(100),
    responsible    varchar(100),
    contact_name   varchar(100),
    contact_phone  varchar(40),
    distribute_at  timestamptz  not null,
    embargo_until  timestamptz  not null,
    correction_note varchar(1000),
    saved_by       varchar(64)  not null,
    saved_at       timestamptz  not null,
    unique (release_id, revision)
);

-- What went out: one row per distributed edition (1 = 원본, 2… = 정정). Public when the embargo passed.
create table press_release_edition (
    release_id     bigint       not null references press_release (id),
    edition        int          not null,
    revision_id    bigint       not null references press_release_revision (id),
    correction     boolean      not null,
    title          varchar(200) not null,
    subtitle       varchar(500),
    department     varchar(100),
    team_code      varchar(40),
    distributed_at timestamptz  not null,
    embargo_until  timestamptz  not null,
    published_at   timestamptz,
    distribution_id bigint,
    file_ids       varchar(2000) not null default '',
    primary key (release_id, edition)
);
create index press_release_edition_public on press_release_edition (embargo_until desc);
create index press_release_edition_unpublished on press_release_edition (embargo_until) where published_at is null;

create table press_release_comment (
    id          bigserial primary key,
    release_id  bigint       not null references press_release (id),
    kind        varchar(12)  not null check (kind in ('COMMENT','SUBMIT','REVIEW','APPROVE','REJECT','DISTRIBUTE','CORRECT','PUBLISH')),
    author      varchar(64)  not null,
    author_name varchar(100) not null,
    text        varchar(2000),
    at          timestamptz  not null
);
create index press_release_comment_release on press_release_comment (release_id, id);

create table press_release_file (
    id          bigserial primary key,
    release_id  bigint       not null references press_release (id),
    kind        varchar(10)  not null check (kind in ('ATTACHMENT','PHOTO')),
    sha256      char(64)     not null,
    file_name   varchar(255) not null,
    media_type  varchar(100) not null,
    size_bytes  bigint       not null,
    caption     varchar(300),
    added_by    varchar(64)  not null,
    added_at    timestamptz  not null
);
create index press_release_file_release on press_release_file (release_id, id);

-- Press contacts. Reporters' names, e-mails and phones are personal data: encrypted, looked up by hash.
create table press_outlet (
    id          bigserial primary key,
    name        varchar(100) not null unique,
    kind        varchar(10)  not null check (kind in ('CENTRAL','LOCAL','INTERNET','BROADCAST','WIRE')),
    local_press boolean      not null default false,
    website     varchar(300),
    phone       varchar(40),
    address     varchar(300),
    note        varchar(500),
    active      boolean      not null default true,
    created_at  timestamptz  not null default now()
);

create table press_reporter (
    id            bigserial primary key,
    outlet_id     bigint       not null references press_outlet (id),
    name_enc      text         not null,
    name_masked   varchar(100) not null,
    email_enc     text         not null,
    email_hash    char(64)     not null unique,
    email_masked  varchar(300) not null,
    phone_enc     text,
    phone_masked  varchar(40),
    beat          varchar(100),
    opt_in        boolean      not null default true,
    active        boolean      not null default true,
    bounced_at    timestamptz,
    bounce_reason varchar(500),
    created_at    timestamptz  not null,
    lock_version  int          not null default 0
);
create index press_reporter_outlet on press_reporter (outlet_id);

create table press_reporter_history (
    id          bigserial primary key,
    reporter_id bigint       not null references press_reporter (id),
    kind        varchar(20)  not null,
    note        varchar(1000),
    actor       varchar(64)  not null,
    at          timestamptz  not null
);
create index press_reporter_history_reporter on press_reporter_history (reporter_id, at desc);

create table press_contact_list (
    code        varchar(40)  primary key,
    name        varchar(100) not null,
    description varchar(300)
);

create table press_contact_list_member (
    list_code   varchar(40)  not null references press_contact_list (code),
    reporter_id bigint       not null references press_reporter (id),
    primary key (list_code, reporter_id)
);

-- Documents other modules ask us to distribute (보도설명자료 …); idempotent on request_key.
create table press_document (
    id            bigserial primary key,
    request_key   varchar(200) not null unique,
    kind          varchar(20)  not null,
    title         varchar(300) not null,
    body          text         not null,
    department    varchar(100),
    contact_name  varchar(100),
    contact_phone varchar(40),
    list_codes    varchar(500) not null default '',
    received_at   timestamptz  not null,
    distribution_id bigint,
    failure       varchar(1000)
);

create table press_distribution (
    id           bigserial primary key,
    release_id   bigint,
    edition      int,
    document_id  bigint,
    list_codes   varchar(500) not null default '',
    subject      varchar(300) not null,
    created_at   timestamptz  not null,
    created_by   varchar(64)  not null,
    recipients   int          not null,
    unique (release_id, edition)
);

create table press_delivery (
    id              bigserial primary key,
    distribution_id bigint       not null references press_distribution (id),
    reporter_id     bigint       not null references press_reporter (id),
    notification_id bigint       not null,
    email_masked    varchar(300) not null,
    status          varchar(10)  not null default 'PENDING',
    attempts        int          not null default 0,
    last_error      text,
    checked_at      timestamptz,
    bounced         boolean      not null default false,
    unique (distribution_id, reporter_id)
);
create index press_delivery_open on press_delivery (id) where status in ('PENDING','SENDING');

-- Press relations: interviews, features, op-eds; tours and briefings; writing training.
create table press_placement (
    id          bigserial primary key,
    kind        varchar(10)  not null check (kind in ('INTERVIEW','FEATURE','OP_ED')),
    outlet_id   bigint       not null references press_outlet (id),
    placed_on   date         not null,
    topic       varchar(300) not null,
    result_url  varchar(500),
    note        varchar(1000),
    created_by  varchar(64)  not null,
    created_at  timestamptz  not null
);
create index press_placement_date on press_placement (placed_on);

create table press_event (
    id          bigserial primary key,
    kind        varchar(10)  not null check (kind in ('TOUR','BRIEFING')),
    title       varchar(200) not null,
    starts_at   timestamptz  not null,
    place       varchar(300),
    description varchar(2000),
    created_by  varchar(64)  not null,
    created_at  timestamptz  not null
);

create table press_event_invitation (
    event_id        bigint      not null references press_event (id),
    reporter_id     bigint      not null references press_reporter (id),
    invited_at      timestamptz not null,
    notification_id bigint,
    rsvp            varchar(10) not null default 'PENDING' check (rsvp in ('PENDING','YES','NO')),
    attended        boolean     not null default false,
    primary key (event_id, reporter_id)
);

create table press_training (
    id          bigserial primary key,
    title       varchar(200) not null,
    held_on     date         not null,
    audience    varchar(100) not null,
    lecturer    varchar(200),
    place       varchar(200),
    note        varchar(1000),
    created_by  varchar(64)  not null,
    created_at  timestamptz  not null
);

create table press_training_attendee (
    id          bigserial primary key,
    training_id bigint       not null references press_training (id),
    name        varchar(100) not null,
    team        varchar(100),
    rating      int          check (rating between 1 and 5),
    feedback    varchar(2000)
);

-- 신문 등 구독, 언론사 공고 및 광고.
create table press_subscription (
    id           bigserial primary key,
    outlet_id    bigint       not null references press_outlet (id),
    copies       int          not null check (copies > 0),
    starts_on    date         not null,
    ends_on      date         not null,
    cost_won     bigint       not null check (cost_won >= 0),
    renewal_on   date,
    program_code varchar(20),
    note         varchar(500),
    created_at   timestamptz  not null
);

create table press_paid_notice (
    id           bigserial primary key,
    outlet_id    bigint       not null references press_outlet (id),
    placed_on    date         not null,
    topic        varchar(300) not null,
    size_label   varchar(100),
    cost_won     bigint       not null check (cost_won > 0),
    program_code varchar(20),
    category     varchar(20)  not null,
    note         varchar(500),
    created_at   timestamptz  not null
);
