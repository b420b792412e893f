-- 캠페인: campaigns (e.g. 개청 30주년) and their placements with photos and performance figures.

create table campaigns_campaign (
    id                bigserial primary key,
    code              varchar(40)  not null unique,
    name              varchar(200) not null,
    description       text,
    starts_on         date         not null,
    ends_on           date,
    budget_thousands  bigint check (budget_thousands >= 0),
    created_at        timestamptz  not null,
    version           int          not null default 0
);

create table campaigns_placement (
    id            bigserial primary key,
    campaign_id   bigint       not null references campaigns_campaign (id),
    seed_key      varchar(60)  unique,
    kind          varchar(20)  not null,
    title         varchar(200) not null,
    place         varchar(300) not null,
    starts_on     date         not null,
    ends_on       date,
    cost_won      bigint check (cost_won >= 0),
    vendor        varchar(200),
    status        varchar(12)  not null check (status in ('PLANNED','RUNNING','COMPLETED','CANCELLED')),
    details       text,
    height_mm     int check (height_mm > 0),
    length_mm     int check (length_mm > 0),
    ebook_id      bigint,
    created_at    timestamptz  not null,
    version       int          not null default 0
);
create index campaigns_placement_campaign on campaigns_placement (campaign_id, starts_on);

create table campaigns_placement_photo (
    placement_id   bigint       not null references campaigns_placement (id) on delete cascade,
    placement_key  int          not null,
    sha256         char(64)     not null,
    media_type     varchar(100) not null,
    caption        varchar(200) not null,
    primary key (placement_id, placement_key)
);

create table campaigns_placement_metric (
    placement_id   bigint       not null references campaigns_placement (id) on delete cascade,
    placement_key  int          not null,
    metric         varchar(12)  not null check (metric in ('IMPRESSIONS','CLICKS','COUNT')),
    label          varchar(100) not null,
    measured_from  date         not null,
    measured_to    date         not null,
    value          bigint       not null check (value >= 0),
    source         varchar(200),
    primary key (placement_id, placement_key)
);
