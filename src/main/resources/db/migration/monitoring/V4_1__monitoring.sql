-- Media monitoring (언론 모니터링): sources, articles, relevance terms, press-release copies, coverage
-- groups, negativity labels and classifier, on-duty roster, digests, response cases.

create table monitoring_source (
    id                    bigserial primary key,
    name                  varchar(200) not null,
    outlet                varchar(120) not null,
    kind                  varchar(20)  not null check (kind in ('FEED', 'MANUAL', 'IMPORT')),
    url                   varchar(2000),
    poll_interval_seconds integer      not null default 600 check (poll_interval_seconds >= 60),
    major                 boolean      not null default false,
    enabled               boolean      not null default true,
    etag                  varchar(500),
    last_modified         varchar(200),
    next_poll_at          timestamptz,
    last_polled_at        timestamptz,
    last_success_at       timestamptz,
    last_error            varchar(1000),
    last_error_at         timestamptz,
    consecutive_failures  integer      not null default 0,
    created_at            timestamptz  not null,
    created_by            varchar(100) not null
);
create unique index monitoring_source_url on monitoring_source (url) where url is not null;
create unique index monitoring_source_kind_outlet on monitoring_source (kind, outlet) where kind <> 'FEED';

-- One row per poll of a feed: what happened, for the source page.
create table monitoring_source_run (
    id          bigserial primary key,
    source_id   bigint       not null references monitoring_source (id) on delete cascade,
    started_at  timestamptz  not null,
    finished_at timestamptz  not null,
    outcome     varchar(20)  not null check (outcome in ('OK', 'NOT_MODIFIED', 'FAILED')),
    http_status integer,
    items       integer      not null default 0,
    ingested    integer      not null default 0,
    duplicates  integer      not null default 0,
    irrelevant  integer      not null default 0,
    message     varchar(1000)
);
create index monitoring_source_run_source on monitoring_source_run (source_id, started_at desc);

create table monitoring_term (
    id         bigserial primary key,
    term       varchar(60)  not null,
    kind       varchar(20)  not null check (kind in ('PLACE', 'PERSON', 'ORGANISATION', 'FACILITY', 'PROGRAM', 'OTHER')),
    active     boolean      not null default true,
    created_at timestamptz  not null,
    created_by varchar(100) not null
);
create unique index monitoring_term_unique on monitoring_term (term);

create table monitoring_article (
    id               bigserial primary key,
    source_id        bigint        references monitoring_source (id),
    origin           varchar(20)   not null check (origin in ('FEED', 'MANUAL', 'IMPORT')),
    outlet           varchar(120)  not null,
    title            varchar(500)  not null,
    title_key        varchar(500)  not null,
    url              varchar(2000),
    canonical_url    varchar(2000),
    guid             varchar(1000),
    author           varchar(200),
    published_at     timestamptz   not null,
    published_day    date          not null,
    ingested_at      timestamptz   not null,
    body             text          not null default '',
    body_source      varchar(20)   not null default 'FEED' check (body_source in ('FEED', 'PAGE', 'NONE', 'ENTERED')),
    matched_terms    varchar(1000) not null default '',
    score            integer       not null default 0,
    reasons          text          not null default '[]',
    predicted        varchar(20),
    predicted_probability double precision,
    label            varchar(20)   check (label in ('POSITIVE', 'NEUTRAL', 'NEGATIVE', 'DISTORTED')),
    labelled_by      varchar(100),
    labelled_at      timestamptz,
    flagged          boolean       not null default false,
    high_impact      boolean       not null default false,
    alerted_at       timestamptz,
    group_id         bigint,
    release_id       bigint,
    release_similarity double precision,
    shingles         bytea,
    change_seq       bigint        not null default 1,
    indexed_seq      bigint        not null default 0
);
create unique index monitoring_article_canonical on monitoring_article (canonical_url) where canonical_url is not null;
create unique index monitoring_article_title_day on monitoring_article (outlet, published_day, title_key);
create unique index monitoring_article_guid on monitoring_article (source_id, guid) where guid is not null;
create index monitoring_article_published on monitoring_article (published_at desc);
create index monitoring_article_release on monitoring_article (release_id) where release_id is not null;
create index monitoring_article_group on monitoring_article (group_id) where group_id is not null;
create index monitoring_article_flagged on monitoring_article (published_at desc) where flagged;
create index monitoring_article_unindexed on monitoring_article (id) where indexed_seq < change_seq;

-- LSH band keys of each article's MinHash signature (candidate lookup for coverage grouping).
create table monitoring_article_band (
    band       smallint not null,
    band_hash  bigint   not null,
    article_id bigint   not null references monitoring_article (id) on delete cascade,
    primary key (band, band_hash, article_id)
);
create index monitoring_article_band_article on monitoring_article_band (article_id);

create table monitoring_group (
    id             bigserial primary key,
    created_at     timestamptz not null,
    release_id     bigint,
    first_article  bigint      not null
);

-- Our copy of the press module's published releases (PressReleasePublished), per version.
create table monitoring_release (
    release_id    bigint       not null,
    version       integer      not null,
    title         varchar(500) not null,
    subtitle      varchar(500),
    body_text     text         not null,
    department    varchar(200),
    embargo_until timestamptz,
    published_at  timestamptz  not null,
    correction    boolean      not null default false,
    public_url    varchar(500),
    shingles      bytea,
    received_at   timestamptz  not null,
    primary key (release_id, version)
);
create index monitoring_release_published on monitoring_release (published_at desc);

-- Yearly coverage baselines from the 2025 work plan (언론사 보도실적).
create table monitoring_baseline (
    year          integer     primary key,
    articles      integer     not null,
    releases      integer,
    features      integer,
    through_month integer     not null default 12,
    note          varchar(200)
);

create table monitoring_classifier (
    id          bigserial primary key,
    trained_at  timestamptz  not null,
    trained_by  varchar(100) not null,
    algorithm   varchar(40)  not null,
    samples     integer      not null,
    train_size  integer      not null,
    test_size   integer      not null,
    precision_negative double precision,
    recall_negative    double precision,
    accuracy    double precision,
    report      text         not null,
    model       text         not null
);

create table monitoring_setting (
    key        varchar(60) primary key,
    value      varchar(200) not null,
    updated_at timestamptz  not null,
    updated_by varchar(100) not null
);

-- On-duty press staff: who gets the alert e-mail and SMS. The mobile number is personal data.
create table monitoring_duty (
    id            bigserial primary key,
    account_id    bigint       not null,
    username      varchar(100) not null,
    mobile        varchar(500),
    mobile_hash   varchar(100),
    mobile_masked varchar(40),
    active        boolean      not null default true,
    created_at    timestamptz  not null,
    created_by    varchar(100) not null
);
create unique index monitoring_duty_account on monitoring_duty (account_id);

create table monitoring_digest (
    day        date        primary key,
    sent_at    timestamptz not null,
    recipients integer     not null,
    articles   integer     not null
);

create table monitoring_case (
    id                   bigserial primary key,
    article_id           bigint        not null references monitoring_article (id),
    status               varchar(20)   not null,
    title                varchar(300)  not null,
    opened_at            timestamptz   not null,
    opened_by            varchar(100)  not null,
    due_at               timestamptz   not null,
    assessment           text,
    severity             varchar(20),
    quoted_report        text,
    explanation          text,
    department           varchar(200),
    contact_name         varchar(100),
    contact_phone        varchar(40),
    doc_version          integer       not null default 0,
    submitted_at         timestamptz,
    approved_at          timestamptz,
    approved_by          varchar(100),
    rejection_note       varchar(1000),
    distribution_key     varchar(100),
    distribution_requested_at timestamptz,
    distributed_at       timestamptz,
    recipients           integer,
    closed_at            timestamptz,
    closed_by            varchar(100),
    closing_note         varchar(2000),
    version              integer       not null default 0
);
create index monitoring_case_status on monitoring_case (status);
create unique index monitoring_case_distribution on monitoring_case (distribution_key) where distribution_key is not null;

create table monitoring_case_article (
    case_id    bigint not null references monitoring_case (id) on delete cascade,
    article_id bigint not null references monitoring_article (id),
    primary key (case_id, article_id)
);
create index monitoring_case_article_article on monitoring_case_article (article_id);

create table monitoring_case_step (
    id       bigserial primary key,
    case_id  bigint        not null references monitoring_case (id) on delete cascade,
    step     varchar(40)   not null,
    actor    varchar(100)  not null,
    at       timestamptz   not null,
    note     varchar(2000)
);
create index monitoring_case_step_case on monitoring_case_step (case_id, at);

create table monitoring_escalation (
    id          bigserial primary key,
    case_id     bigint        not null references monitoring_case (id) on delete cascade,
    kind        varchar(30)   not null check (kind in ('REBUTTAL', 'PRESS_ARBITRATION', 'CORRECTION_REQUEST')),
    decided_at  timestamptz   not null,
    reference   varchar(200),
    note        varchar(2000),
    recorded_by varchar(100)  not null,
    recorded_at timestamptz   not null
);

insert into monitoring_baseline (year, articles, releases, features, through_month, note) values
    (2022, 29526, 623, 101, 12, '2025년 주요업무계획 <최근 3년간 홍보 실적>'),
    (2023, 30772, 650, 82, 12, '2025년 주요업무계획 <최근 3년간 홍보 실적>'),
    (2024, 27011, 564, 66, 10, '2025년 주요업무계획: 2024년 10월까지');
