-- Work plan: department, teams with name history and duties, staffing by grade, budget lines,
-- programs with texts, activities, KPIs and multi-year funding, spending recorded by other modules.

create table workplan_department (
    id           smallint     primary key default 1 check (id = 1),
    name         varchar(100) not null,
    organization varchar(100) not null,
    document_title varchar(200),
    document_date  date
);

create table workplan_team (
    id         bigserial   primary key,
    code       varchar(40) not null unique check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    sort_order int         not null default 0
);

create table workplan_team_name (
    id         bigserial    primary key,
    team_id    bigint       not null references workplan_team (id) on delete cascade,
    name       varchar(100) not null check (length(btrim(name)) > 0),
    valid_from date         not null,
    valid_to   date,
    check (valid_to is null or valid_to >= valid_from)
);
create index workplan_team_name_team on workplan_team_name (team_id, valid_from);

create table workplan_team_duty (
    id         bigserial    primary key,
    team_id    bigint       not null references workplan_team (id) on delete cascade,
    sort_order int          not null,
    text       varchar(500) not null
);

create table workplan_staffing (
    reference_date date     not null,
    grade          smallint not null check (grade between 1 and 9),
    authorized     int      not null check (authorized >= 0),
    actual         int      not null check (actual >= 0),
    primary key (reference_date, grade)
);

create table workplan_budget_line (
    id               bigserial    primary key,
    fiscal_year      int          not null check (fiscal_year between 2000 and 2100),
    basis            varchar(20)  not null,
    category         varchar(20)  not null check (category in ('POLICY_PROGRAM','ADMINISTRATIVE','FINANCIAL')),
    source           varchar(20)  not null check (source in ('DISTRICT','CITY','NATIONAL','FUND')),
    description      varchar(200) not null,
    program_code     varchar(10),
    amount_thousands bigint       not null check (amount_thousands >= 0)
);
create index workplan_budget_line_year on workplan_budget_line (fiscal_year);

create table workplan_program (
    id           bigserial    primary key,
    code         varchar(10)  not null unique,
    seq          int          not null,
    title        varchar(200) not null check (length(btrim(title)) > 0),
    kind         varchar(12)  not null check (kind in ('NEW','CONTINUING')),
    team_code    varchar(40)  not null,
    editor_role  varchar(20),
    plan_year    int,
    period_start date,
    period_end   date,
    status       varchar(12)  not null default 'PLANNED' check (status in ('PLANNED','IN_PROGRESS','COMPLETED','ON_HOLD')),
    page         int,
    version      int          not null default 0,
    check (period_end is null or period_start is null or period_end >= period_start)
);

create table workplan_program_text (
    id         bigserial    primary key,
    program_id bigint       not null references workplan_program (id) on delete cascade,
    section    varchar(20)  not null check (section in ('NECESSITY','GOAL','CONTENT','ACHIEVEMENT','ISSUE','EFFECT')),
    sort_order int          not null,
    text       varchar(2000) not null
);
create index workplan_program_text_program on workplan_program_text (program_id, section, sort_order);

create table workplan_activity (
    id               bigserial     primary key,
    program_id       bigint        not null references workplan_program (id) on delete cascade,
    code             varchar(20)   not null unique,
    group_name       varchar(200),
    title            varchar(200)  not null check (length(btrim(title)) > 0),
    period_start     date,
    period_end       date,
    period_label     varchar(100),
    place            varchar(300),
    content          text,
    budget_thousands bigint        check (budget_thousands >= 0),
    sort_order       int           not null,
    check (period_end is null or period_start is null or period_end >= period_start)
);
create index workplan_activity_program on workplan_activity (program_id, sort_order);

create table workplan_kpi (
    id             bigserial     primary key,
    program_id     bigint        not null references workplan_program (id) on delete cascade,
    code           varchar(40)   not null unique,
    name           varchar(200)  not null,
    unit           varchar(20)   not null,
    baseline       numeric(18,2),
    baseline_label varchar(100),
    baseline_date  date,
    target         numeric(18,2),
    actual         numeric(18,2),
    actual_date    date,
    note           varchar(500),
    sort_order     int           not null
);
create index workplan_kpi_program on workplan_kpi (program_id, sort_order);

create table workplan_funding (
    program_id       bigint      not null references workplan_program (id) on delete cascade,
    fiscal_year      int         not null check (fiscal_year between 2000 and 2100),
    source           varchar(20) not null check (source in ('DISTRICT','CITY','NATIONAL','FUND')),
    amount_thousands bigint      not null check (amount_thousands >= 0),
    primary key (program_id, fiscal_year, source)
);

create table workplan_spending (
    id            bigserial    primary key,
    source_module varchar(40)  not null,
    source_ref    varchar(100) not null,
    fiscal_year   int          not null check (fiscal_year between 2000 and 2100),
    program_code  varchar(10),
    category      varchar(20)  not null check (category in ('POLICY_PROGRAM','ADMINISTRATIVE','FINANCIAL')),
    amount_won    bigint       not null check (amount_won > 0),
    spent_on      date         not null,
    description   varchar(300) not null,
    recorded_at   timestamptz  not null default now(),
    unique (source_module, source_ref)
);
create index workplan_spending_year on workplan_spending (fiscal_year);
