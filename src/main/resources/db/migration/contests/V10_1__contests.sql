-- 공모전 (resident contests): definitions, entries, media checks, judging, awards, usage of winning works.
-- Residents' names, phones, e-mails and birth dates are stored encrypted (pd1:…); *_hash columns hold keyed
-- lookup hashes. No foreign keys to other modules' tables (judges refer to platform accounts by id only).

create table contests_contest (
    id                     bigserial primary key,
    seed_key               text unique,
    kind                   text        not null check (kind in ('SONG', 'PHOTO', 'SHORT_VIDEO', 'OTHER')),
    title                  text        not null,
    new_this_year          boolean     not null default false,
    purposes               text        not null default '',
    themes                 text        not null default '',
    field                  text        not null default '',
    uses                   text        not null default '',
    rules                  text        not null default '',
    programme_start        date,
    programme_end          date,
    entry_opens_at         timestamptz,
    entry_closes_at        timestamptz,
    eligibility            text        not null default 'ANYONE',
    min_age                integer check (min_age is null or min_age between 0 and 120),
    guardian_under_age     integer     not null default 14 check (guardian_under_age between 0 and 20),
    max_entries_per_person integer     not null default 3 check (max_entries_per_person between 1 and 100),
    formats                text        not null,
    max_bytes              bigint      not null check (max_bytes > 0),
    min_long_side          integer check (min_long_side is null or min_long_side > 0),
    min_duration_ms        bigint check (min_duration_ms is null or min_duration_ms >= 0),
    max_duration_ms        bigint check (max_duration_ms is null or max_duration_ms > 0),
    prize_budget_won       bigint      not null default 0 check (prize_budget_won >= 0),
    prize_goods            text        not null default '',
    score_scale_max        integer     not null default 10 check (score_scale_max between 1 and 100),
    normalise_scores       boolean     not null default false,
    public_vote            boolean     not null default false,
    vote_weight_percent    integer     not null default 0 check (vote_weight_percent between 0 and 100),
    vote_opens_at          timestamptz,
    vote_closes_at         timestamptz,
    status                 text        not null default 'DRAFT'
        check (status in ('DRAFT', 'OPEN', 'JUDGING', 'AWARDED', 'ANNOUNCED')),
    announcement           text        not null default '',
    announced_at           timestamptz,
    version                integer     not null default 0,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    check (entry_closes_at is null or entry_opens_at is null or entry_closes_at > entry_opens_at),
    check (min_duration_ms is null or max_duration_ms is null or max_duration_ms >= min_duration_ms)
);

create table contests_prize (
    id          bigserial primary key,
    contest_id  bigint  not null references contests_contest (id) on delete cascade,
    rank        integer not null check (rank between 1 and 50),
    name        text    not null,
    winners     integer not null check (winners between 1 and 1000),
    amount_won  bigint  not null check (amount_won >= 0),
    goods       text    not null default '',
    unique (contest_id, rank)
);

create table contests_criterion (
    id          bigserial primary key,
    contest_id  bigint  not null references contests_contest (id) on delete cascade,
    position    integer not null,
    name        text    not null,
    description text    not null default '',
    weight      integer not null check (weight between 1 and 100),
    unique (contest_id, name)
);

create table contests_panel (
    id         bigserial primary key,
    contest_id bigint not null references contests_contest (id) on delete cascade,
    name       text   not null,
    unique (contest_id, name)
);

create table contests_judge (
    id           bigserial primary key,
    contest_id   bigint not null references contests_contest (id) on delete cascade,
    panel_id     bigint not null references contests_panel (id) on delete cascade,
    account_id   bigint not null,
    display_name text   not null,
    unique (contest_id, account_id)
);

-- a resident's unfinished multi-step entry (kept 24 h); becomes an entry in one transaction on submit
create table contests_draft (
    id                 text primary key,
    contest_id         bigint      not null references contests_contest (id) on delete cascade,
    eligibility_basis  text,
    birth_date_enc     text,
    name_enc           text,
    phone_enc          text,
    phone_hash         text,
    phone_verified     boolean     not null default false,
    email_enc          text,
    guardian_name_enc  text,
    guardian_phone_enc text,
    title              text,
    description        text,
    ai_service         text,
    ai_licence         text,
    lyrics             text,
    rights_statement   boolean     not null default false,
    upload_id          text,
    consent_privacy    boolean     not null default false,
    consent_usage      boolean     not null default false,
    consent_guardian   boolean     not null default false,
    created_at         timestamptz not null,
    expires_at         timestamptz not null
);
create index contests_draft_expires on contests_draft (expires_at);

-- chunked, resumable upload into a part file; on completion checked by content and streamed to the file store
create table contests_upload (
    id              text primary key,
    draft_id        text        not null,
    contest_id      bigint      not null references contests_contest (id) on delete cascade,
    original_name   text        not null,
    declared_length bigint      not null check (declared_length > 0),
    received        bigint      not null default 0 check (received >= 0 and received <= declared_length),
    fingerprint     text,
    status          text        not null default 'RECEIVING' check (status in ('RECEIVING', 'COMPLETE', 'REJECTED')),
    reject_reason   text,
    media_sha256    text,
    media_type      text,
    media_size      bigint,
    media_format    text,
    width           integer,
    height          integer,
    duration_ms     bigint,
    phash           bigint,
    frame_hash      bigint,
    details         text,
    warnings        text,
    public_sha256   text,
    resumed_count   integer     not null default 0,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index contests_upload_draft on contests_upload (draft_id);

create table contests_entry (
    id                 bigserial primary key,
    contest_id         bigint      not null references contests_contest (id),
    receipt_no         text        not null unique,
    blind_code         text,
    panel_id           bigint references contests_panel (id) on delete set null,
    title              text        not null,
    description        text        not null default '',
    status             text        not null default 'SUBMITTED'
        check (status in ('SUBMITTED', 'WITHDRAWN', 'DISQUALIFIED')),
    status_reason      text,
    eligibility_basis  text        not null,
    name_enc           text        not null,
    name_hash          text        not null,
    phone_enc          text        not null,
    phone_hash         text        not null,
    email_enc          text,
    email_hash         text,
    birth_date_enc     text        not null,
    minor              boolean     not null,
    guardian_name_enc  text,
    guardian_phone_enc text,
    ai_service         text,
    ai_licence         text,
    lyrics             text,
    media_sha256       text        not null,
    media_type         text        not null,
    media_size         bigint      not null,
    media_name         text        not null,
    media_format       text        not null,
    width              integer,
    height             integer,
    duration_ms        bigint,
    phash              bigint,
    frame_hash         bigint,
    details            text,
    warnings           text,
    public_sha256      text,
    public_type        text,
    public_error       text,
    submitted_at       timestamptz not null,
    unique (contest_id, blind_code)
);
create unique index contests_entry_same_file on contests_entry (contest_id, media_sha256) where status <> 'WITHDRAWN';
create index contests_entry_contest on contests_entry (contest_id, status);
create index contests_entry_phone on contests_entry (contest_id, phone_hash);
create index contests_entry_phash on contests_entry (contest_id) include (phash) where phash is not null;

create table contests_consent (
    entry_id     bigint      not null references contests_entry (id) on delete cascade,
    kind         text        not null check (kind in ('PRIVACY', 'USAGE_RIGHTS', 'AI_RIGHTS', 'GUARDIAN')),
    text_version text        not null,
    accepted_at  timestamptz not null,
    primary key (entry_id, kind)
);

-- near-duplicate flags (perceptual hash distance) for staff review
create table contests_similarity (
    contest_id     bigint  not null references contests_contest (id) on delete cascade,
    entry_id       bigint  not null references contests_entry (id) on delete cascade,
    other_entry_id bigint  not null references contests_entry (id) on delete cascade,
    kind           text    not null check (kind in ('PHOTO', 'VIDEO_FRAME')),
    distance       integer not null,
    primary key (entry_id, other_entry_id, kind)
);

create table contests_recusal (
    entry_id   bigint      not null references contests_entry (id) on delete cascade,
    judge_id   bigint      not null references contests_judge (id) on delete cascade,
    source     text        not null check (source in ('DECLARED', 'FOUND')),
    reason     text        not null,
    created_by text        not null,
    created_at timestamptz not null,
    primary key (entry_id, judge_id)
);

create table contests_score (
    entry_id     bigint      not null references contests_entry (id) on delete cascade,
    judge_id     bigint      not null references contests_judge (id) on delete cascade,
    criterion_id bigint      not null references contests_criterion (id) on delete cascade,
    points       integer     not null check (points >= 0),
    scored_at    timestamptz not null,
    primary key (entry_id, judge_id, criterion_id)
);

create table contests_vote (
    contest_id bigint      not null references contests_contest (id) on delete cascade,
    phone_hash text        not null,
    entry_id   bigint      not null references contests_entry (id) on delete cascade,
    voted_at   timestamptz not null,
    primary key (contest_id, phone_hash)
);

create table contests_award (
    contest_id bigint      not null references contests_contest (id) on delete cascade,
    entry_id   bigint      not null references contests_entry (id),
    prize_id   bigint      not null references contests_prize (id),
    amount_won bigint      not null check (amount_won >= 0),
    decided_by text        not null,
    decided_at timestamptz not null,
    primary key (contest_id, entry_id)
);

-- where a winning work is used (SNS, lobby exhibition, media wall, event …), optionally with a link
create table contests_usage (
    id         bigserial primary key,
    contest_id bigint      not null references contests_contest (id) on delete cascade,
    entry_id   bigint      not null references contests_entry (id) on delete cascade,
    usage_type text        not null,
    used_on    date        not null,
    note       text        not null default '',
    link       text,
    created_by text        not null,
    created_at timestamptz not null
);
create index contests_usage_entry on contests_usage (entry_id);
