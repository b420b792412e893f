-- 소식지 금천향기: e-books, issues and articles, reader contributions, distribution, surveys.

create table newsletter_ebook (
    id            bigserial primary key,
    title         varchar(200) not null,
    owner         varchar(40)  not null,
    pdf_sha256    char(64)     not null,
    pdf_name      varchar(200) not null,
    page_count    int          not null check (page_count > 0),
    published     boolean      not null default false,
    created_by    varchar(64)  not null,
    created_at    timestamptz  not null,
    published_at  timestamptz
);

create table newsletter_ebook_page (
    ebook_id      bigint       not null references newsletter_ebook (id) on delete cascade,
    page_no       int          not null,
    image_sha256  char(64)     not null,
    width         int          not null,
    height        int          not null,
    text          text         not null,
    primary key (ebook_id, page_no)
);

create table newsletter_issue (
    id               bigserial primary key,
    number           int          not null unique check (number > 0),
    year_month       char(7)      not null unique,
    title            varchar(200) not null,
    page_count       int          not null check (page_count > 0),
    special          boolean      not null default false,
    note             text,
    cover_sha256     char(64),
    cover_media_type varchar(100),
    ebook_id         bigint references newsletter_ebook (id),
    status           varchar(12)  not null check (status in ('DRAFT','PUBLISHED')),
    published_at     timestamptz,
    created_at       timestamptz  not null,
    version          int          not null default 0
);

create table newsletter_article (
    id               bigserial primary key,
    issue_id         bigint       not null references newsletter_issue (id) on delete cascade,
    section          varchar(100) not null,
    title            varchar(300) not null,
    body             text         not null,
    page_no          int,
    audio_sha256     char(64),
    audio_media_type varchar(100),
    audio_source     varchar(10) check (audio_source in ('RECORDED','TTS')),
    audio_engine     varchar(100),
    audio_at         timestamptz,
    created_at       timestamptz  not null,
    version          int          not null default 0
);
create index newsletter_article_issue on newsletter_article (issue_id);

create table newsletter_contribution (
    id                  bigserial primary key,
    receipt_no          varchar(20)  not null unique,
    theme               varchar(100) not null,
    title               varchar(200) not null,
    story               text         not null,
    credit              varchar(10)  not null check (credit in ('NAME','ANONYMOUS')),
    name_enc            text         not null,
    contact_enc         text         not null,
    contact_hash        char(64)     not null,
    consent_publication boolean      not null,
    consent_rights      boolean      not null,
    consent_privacy     boolean      not null,
    status              varchar(12)  not null check (status in ('SUBMITTED','ACCEPTED','REJECTED')),
    issue_id            bigint references newsletter_issue (id),
    decided_by          varchar(64),
    decided_at          timestamptz,
    decision_note       text,
    submitted_at        timestamptz  not null,
    version             int          not null default 0
);
create index newsletter_contribution_status on newsletter_contribution (status, submitted_at);

create table newsletter_contribution_photo (
    contribution_id   bigint       not null references newsletter_contribution (id) on delete cascade,
    contribution_key  int          not null,
    sha256            char(64)     not null,
    media_type        varchar(100) not null,
    original_name     varchar(200) not null,
    width             int          not null,
    height            int          not null,
    primary key (contribution_id, contribution_key)
);

create table newsletter_distribution_point (
    id               bigserial primary key,
    kind             varchar(20)  not null,
    name             varchar(200) not null,
    address          varchar(300) not null,
    dong             varchar(20)  not null,
    latitude         numeric(9,6),
    longitude        numeric(9,6),
    copies_per_issue int          not null check (copies_per_issue >= 0),
    active           boolean      not null default true,
    created_at       timestamptz  not null,
    version          int          not null default 0,
    unique (name, address)
);

create table newsletter_delivery_round (
    id            bigserial primary key,
    issue_id      bigint references newsletter_issue (id),
    delivered_on  date         not null,
    note          text,
    created_by    varchar(64)  not null,
    created_at    timestamptz  not null
);

create table newsletter_delivery (
    round_id   bigint not null references newsletter_delivery_round (id) on delete cascade,
    point_id   bigint not null references newsletter_distribution_point (id),
    copies     int    not null check (copies >= 0),
    primary key (round_id, point_id)
);

create table newsletter_inspection (
    id             bigserial primary key,
    point_id       bigint       not null references newsletter_distribution_point (id),
    inspected_on   date         not null,
    inspector      varchar(100) not null,
    copies_left    int          not null check (copies_left >= 0),
    photo_sha256   char(64),
    problems       text,
    created_by     varchar(64)  not null,
    created_at     timestamptz  not null
);
create index newsletter_inspection_point on newsletter_inspection (point_id, inspected_on desc);

create table newsletter_survey (
    id             bigserial primary key,
    title          varchar(200) not null,
    description    text,
    identity_mode  varchar(15)  not null check (identity_mode in ('ONE_TIME_CODE','DEVICE_TOKEN')),
    status         varchar(10)  not null check (status in ('DRAFT','OPEN','CLOSED')),
    created_at     timestamptz  not null,
    opened_at      timestamptz,
    closed_at      timestamptz,
    version        int          not null default 0
);

create table newsletter_survey_question (
    survey_id     bigint       not null references newsletter_survey (id) on delete cascade,
    survey_key    int          not null,
    kind          varchar(10)  not null check (kind in ('SINGLE','MULTIPLE','SCALE','TEXT')),
    text          varchar(500) not null,
    required      boolean      not null,
    options       text         not null default '',
    scale_max     int          not null default 5,
    primary key (survey_id, survey_key)
);

create table newsletter_survey_response (
    id               bigserial primary key,
    survey_id        bigint      not null references newsletter_survey (id) on delete cascade,
    respondent_hash  char(64)    not null,
    submitted_at     timestamptz not null,
    unique (survey_id, respondent_hash)
);

create table newsletter_survey_answer (
    response_id   bigint  not null references newsletter_survey_response (id) on delete cascade,
    response_key  int     not null,
    question_no   int     not null,
    value         text    not null,
    primary key (response_id, response_key)
);
