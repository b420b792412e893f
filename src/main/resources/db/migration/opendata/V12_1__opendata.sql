-- opendata: catalogue (organisations, datasets, resources, immutable versions), validations, access counts,
-- provision requests with statutory deadlines and notices, analysis requests, data-literacy training, use cases.

create table opendata_organization (
    id          bigserial primary key,
    name        varchar(100) not null unique check (name ~ '^[a-z0-9_-]{2,100}$'),
    title       varchar(200) not null,
    description text         not null default '',
    team_code   varchar(40),
    created_at  timestamptz  not null default now()
);

create table opendata_dataset (
    id              bigserial primary key,
    name            varchar(100) not null unique check (name ~ '^[a-z0-9_-]{2,100}$'),
    title           varchar(300) not null,
    description     text         not null default '',
    organization_id bigint       not null references opendata_organization (id),
    keywords        text         not null default '',
    theme           varchar(60)  not null,
    licence         varchar(30)  not null,
    update_cycle    varchar(20)  not null,
    contact_name    varchar(100),
    contact_email   varchar(254),
    contact_phone   varchar(40),
    status          varchar(12)  not null default 'DRAFT' check (status in ('DRAFT','PUBLISHED','WITHDRAWN')),
    published_at    timestamptz,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    download_count  bigint       not null default 0,
    api_count       bigint       not null default 0,
    version         int          not null default 0
);
create index opendata_dataset_status on opendata_dataset (status);

create table opendata_resource (
    id                 bigserial primary key,
    dataset_id         bigint       not null references opendata_dataset (id),
    name               varchar(300) not null,
    description        text         not null default '',
    schema_json        text,
    current_version_id bigint,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null
);
create index opendata_resource_dataset on opendata_resource (dataset_id);

-- versions are never changed or deleted: a standardised file is a new version next to its original
create table opendata_resource_version (
    id                bigserial primary key,
    resource_id       bigint       not null references opendata_resource (id),
    version_no        int          not null,
    sha256            char(64)     not null,
    file_name         varchar(255) not null,
    media_type        varchar(100) not null,
    size_bytes        bigint       not null,
    format            varchar(10)  not null,
    encoding          varchar(30),
    row_count         bigint,
    source            varchar(14)  not null check (source in ('UPLOAD','STANDARDISED')),
    parent_version_id bigint references opendata_resource_version (id),
    validation_id     bigint,
    note              text         not null default '',
    created_at        timestamptz  not null,
    created_by        varchar(100) not null,
    unique (resource_id, version_no)
);

create table opendata_validation (
    id                  bigserial primary key,
    status              varchar(10)  not null check (status in ('RUNNING','DONE','FAILED')),
    file_name           varchar(255) not null,
    sha256              char(64)     not null,
    resource_version_id bigint references opendata_resource_version (id),
    declared_schema     text,
    options             text         not null default '',
    report_json         text,
    error_total         bigint,
    row_count           bigint,
    score               numeric(5, 2),
    message             text,
    started_at          timestamptz  not null,
    finished_at         timestamptz,
    created_by          varchar(100) not null
);

create table opendata_access_count (
    dataset_id bigint      not null references opendata_dataset (id),
    kind       varchar(10) not null check (kind in ('DOWNLOAD','API')),
    day        date        not null,
    count      bigint      not null default 0,
    primary key (dataset_id, kind, day)
);

create table opendata_provision_request (
    id                   bigserial primary key,
    receipt_no           varchar(50)  not null unique,
    title                varchar(300) not null,
    data_description     text         not null,
    purpose              text         not null,
    requester_name       text         not null,
    requester_phone      text         not null,
    requester_email      text,
    requester_lookup     char(64)     not null,
    status               varchar(10)  not null check (status in ('RECEIVED','EXTENDED','PROVIDED','REFUSED')),
    received_at          timestamptz  not null,
    received_on          date         not null,
    deadline             date         not null,
    internal_report_due  date         not null,
    reported_at          timestamptz,
    extended_at          timestamptz,
    extension_reason     text,
    decided_at           timestamptz,
    decision_note        text,
    refusal_reason       text,
    dataset_id           bigint,
    warned_at            timestamptz,
    overdue_alerted_at   timestamptz,
    version              int          not null default 0
);
create index opendata_provision_request_open on opendata_provision_request (deadline) where status in ('RECEIVED','EXTENDED');

create table opendata_notice (
    id          bigserial primary key,
    request_id  bigint       not null references opendata_provision_request (id),
    kind        varchar(10)  not null check (kind in ('EXTENSION','PROVISION','REFUSAL')),
    sha256      char(64)     not null,
    created_at  timestamptz  not null
);

create table opendata_analysis_request (
    id                 bigserial primary key,
    department         varchar(100) not null,
    title              varchar(300) not null,
    question           text         not null,
    requested_by       varchar(100) not null,
    due_on             date,
    status             varchar(12)  not null check (status in ('RECEIVED','IN_PROGRESS','DELIVERED','CLOSED')),
    assignee           varchar(100),
    deliverable_sha256 char(64),
    deliverable_name   varchar(255),
    delivered_at       timestamptz,
    notes              text         not null default '',
    created_at         timestamptz  not null
);

create table opendata_training (
    id         bigserial primary key,
    title      varchar(300) not null,
    kind       varchar(10)  not null check (kind in ('ONLINE','IN_PERSON')),
    provider   varchar(200) not null,
    held_on    date         not null,
    attendees  int          not null check (attendees >= 0),
    hours      numeric(5, 1) not null check (hours >= 0),
    note       text         not null default '',
    created_at timestamptz  not null
);

create table opendata_use_case (
    id          bigserial primary key,
    title       varchar(300) not null,
    user_name   varchar(200) not null,
    user_kind   varchar(10)  not null check (user_kind in ('COMPANY','RESIDENT','PUBLIC')),
    description text         not null,
    url         varchar(500),
    dataset_ids text         not null default '',
    published   boolean      not null default false,
    created_at  timestamptz  not null
);
