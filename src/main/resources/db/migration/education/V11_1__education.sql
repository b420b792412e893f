-- Education (정보화 교육): venues and rooms, categories and levels, courses and sessions, residents,
-- registrations with database-enforced seats, waitlists and lottery, attendance and certificates,
-- the digital counselling desk, the kiosk practice zone, the smart contest quiz, surveys, statistics.

create table education_venue (
    id       bigserial primary key,
    code     varchar(40)  not null unique,
    name     varchar(100) not null,
    kind     varchar(20)  not null check (kind in ('DISTRICT_OFFICE', 'COMMUNITY_CENTRE', 'WELFARE_CENTRE', 'OTHER')),
    address  varchar(200),
    note     text,
    active   boolean      not null default true
);

create table education_room (
    id             bigserial primary key,
    venue_id       bigint       not null references education_venue (id),
    code           varchar(40)  not null unique,
    name           varchar(100) not null,
    kind           varchar(20)  not null check (kind in ('GENERAL', 'PRACTICE', 'KIOSK_ZONE', 'HALL', 'OTHER')),
    seats          int check (seats is null or seats between 1 and 2000),
    previous_seats int check (previous_seats is null or previous_seats between 1 and 2000),
    equipment      varchar(300),
    note           text,
    active         boolean      not null default true
);
create index education_room_venue on education_room (venue_id);

create table education_category (
    code        varchar(30)  primary key check (code ~ '^[A-Z][A-Z0-9_]{1,29}$'),
    name        varchar(100) not null,
    description text,
    sort_order  int          not null default 0
);

create table education_level (
    code       varchar(20) primary key,
    name       varchar(20) not null,
    sort_order int         not null
);

-- A course: its seats are the registrations holding a seat number (see education_registration).
create table education_course (
    id                 bigserial primary key,
    title              varchar(200) not null,
    kind               varchar(20)  not null check (kind in ('REGULAR', 'SPECIAL', 'GAP_LECTURE', 'KIOSK_PRACTICE', 'FIELD_TRIP')),
    category_code      varchar(30)  not null references education_category (code),
    level_code         varchar(20)  references education_level (code),
    room_id            bigint       not null references education_room (id),
    instructor         varchar(100),
    summary            text,
    target_groups      varchar(100) not null,
    capacity           int          not null check (capacity between 1 and 2000),
    allocation         varchar(12)  not null check (allocation in ('FIRST_COME', 'LOTTERY')),
    opens_at           timestamptz  not null,
    closes_at          timestamptz  not null,
    claim_hours        int          not null default 24 check (claim_hours between 1 and 168),
    completion_percent int          not null default 80 check (completion_percent between 1 and 100),
    status             varchar(12)  not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED', 'CANCELLED', 'FINISHED')),
    next_arrival       int          not null default 0,
    lottery_seed_hash  char(64),
    lottery_seed_enc   text,
    lottery_seed       char(64),
    drawn_at           timestamptz,
    finished_at        timestamptz,
    created_at         timestamptz  not null,
    created_by         varchar(100) not null,
    constraint education_course_window check (closes_at > opens_at),
    constraint education_course_lottery check (allocation <> 'LOTTERY' or lottery_seed_hash is not null),
    constraint education_course_seed_revealed check (lottery_seed is null or drawn_at is not null)
);
create index education_course_status on education_course (status, opens_at);

-- Seats reserved for a target group (priority quota) while the application window is open.
create table education_course_quota (
    course_id    bigint      not null references education_course (id) on delete cascade,
    target_group varchar(20) not null check (target_group in ('SENIOR_65', 'LITERACY_LEARNER', 'RESIDENT')),
    seats        int         not null check (seats >= 1),
    primary key (course_id, target_group)
);

create table education_session (
    id         bigserial primary key,
    course_id  bigint       not null references education_course (id) on delete cascade,
    session_no int          not null check (session_no >= 1),
    starts_at  timestamptz  not null,
    ends_at    timestamptz  not null,
    topic      varchar(200),
    instructor varchar(100),
    unique (course_id, session_no),
    constraint education_session_times check (ends_at > starts_at)
);
create index education_session_starts on education_session (starts_at);

-- Residents identify with name + phone (a shared phone may serve two people): both encrypted,
-- found by keyed hashes.
create table education_resident (
    id         bigserial primary key,
    phone_hash char(64)    not null,
    name_hash  char(64)    not null,
    phone_enc  text        not null,
    name_enc   text        not null,
    email_enc  text,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    unique (phone_hash, name_hash)
);
create index education_resident_phone on education_resident (phone_hash);

-- A registration holds a seat exactly when it has a seat number: seat numbers are unique per course and
-- never exceed the course's capacity (trigger), so no code path can oversell a course.
create table education_registration (
    id               bigserial primary key,
    course_id        bigint       not null references education_course (id),
    resident_id      bigint       not null references education_resident (id),
    status           varchar(12)  not null check (status in ('APPLIED', 'CONFIRMED', 'OFFERED', 'WAITLISTED', 'CANCELLED', 'EXPIRED')),
    target_group     varchar(20)  not null check (target_group in ('SENIOR_65', 'LITERACY_LEARNER', 'RESIDENT')),
    channel          varchar(10)  not null check (channel in ('ONLINE', 'PHONE', 'WALK_IN', 'API')),
    arrival_no       int          not null,
    queue_no         int,
    seat_no          int,
    lottery_key      char(64),
    offer_expires_at timestamptz,
    created_at       timestamptz  not null,
    created_by       varchar(100) not null,
    confirmed_at     timestamptz,
    ended_at         timestamptz,
    end_reason       varchar(300),
    completed        boolean,
    constraint education_registration_arrival unique (course_id, arrival_no),
    constraint education_registration_seat unique (course_id, seat_no) deferrable initially immediate,
    constraint education_registration_seat_status check ((status in ('CONFIRMED', 'OFFERED')) = (seat_no is not null)),
    constraint education_registration_offer check ((status = 'OFFERED') = (offer_expires_at is not null)),
    constraint education_registration_queue check (status <> 'WAITLISTED' or queue_no is not null)
);
create unique index education_registration_active on education_registration (course_id, resident_id)
    where status in ('APPLIED', 'CONFIRMED', 'OFFERED', 'WAITLISTED');
create index education_registration_resident on education_registration (resident_id);
create index education_registration_course_status on education_registration (course_id, status, queue_no);
create index education_registration_offers on education_registration (offer_expires_at) where status = 'OFFERED';
create index education_registration_seated on education_registration (course_id, seat_no) where seat_no is not null;

create function education_seat_within_capacity() returns trigger language plpgsql as $$
declare
    cap int;
begin
    if new.seat_no is not null then
        select capacity into cap from education_course where id = new.course_id;
        if new.seat_no < 1 or new.seat_no > cap then
            raise exception '좌석 번호 %은(는) 과정 %의 정원 %석을 벗어납니다', new.seat_no, new.course_id, cap
                using errcode = '23514';
        end if;
    end if;
    return new;
end;
$$;
create trigger education_registration_seat_capacity before insert or update of seat_no, status on education_registration
    for each row execute function education_seat_within_capacity();

create function education_capacity_covers_seats() returns trigger language plpgsql as $$
begin
    if new.capacity < old.capacity and exists (
            select 1 from education_registration where course_id = new.id and seat_no > new.capacity) then
        raise exception '과정 %의 정원을 %석으로 줄일 수 없습니다: 그보다 큰 좌석 번호가 배정되어 있습니다', new.id, new.capacity
            using errcode = '23514';
    end if;
    return new;
end;
$$;
create trigger education_course_capacity before update of capacity on education_course
    for each row execute function education_capacity_covers_seats();

-- One-time links sent to residents (claim an offered seat, answer the survey). Only hashes are stored.
create table education_token (
    token_hash      char(64)    primary key,
    purpose         varchar(10) not null check (purpose in ('CLAIM', 'SURVEY')),
    registration_id bigint      not null references education_registration (id),
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    used_at         timestamptz
);
create index education_token_registration on education_token (registration_id, purpose);

-- Day-before reminders already queued (one per registration and session).
create table education_reminder (
    registration_id bigint      not null references education_registration (id),
    session_id      bigint      not null references education_session (id) on delete cascade,
    queued_at       timestamptz not null,
    primary key (registration_id, session_id)
);

create table education_attendance (
    session_id      bigint       not null references education_session (id) on delete cascade,
    registration_id bigint       not null references education_registration (id),
    status          varchar(10)  not null check (status in ('PRESENT', 'LATE', 'ABSENT', 'EXCUSED')),
    marked_at       timestamptz  not null,
    marked_by       varchar(100) not null,
    primary key (session_id, registration_id)
);
create index education_attendance_registration on education_attendance (registration_id);

create table education_certificate (
    id              bigserial primary key,
    registration_id bigint       not null unique references education_registration (id),
    code            varchar(20)  not null unique,
    course_title    varchar(200) not null,
    holder_enc      text         not null,
    holder_masked   varchar(60)  not null,
    attended        int          not null,
    sessions        int          not null,
    period_label    varchar(60)  not null,
    issued_at       timestamptz  not null,
    revoked_at      timestamptz,
    revoke_reason   varchar(300)
);

create table education_counselling_slot (
    id           bigserial primary key,
    room_id      bigint       not null references education_room (id),
    starts_at    timestamptz  not null,
    ends_at      timestamptz  not null,
    counsellor   varchar(100),
    status       varchar(10)  not null default 'OPEN' check (status in ('OPEN', 'BOOKED', 'DONE', 'NO_SHOW', 'CANCELLED')),
    resident_id  bigint references education_resident (id),
    topic        varchar(20) check (topic in ('SMARTPHONE', 'KIOSK', 'APPS', 'PUBLIC_SERVICE', 'SCAM', 'PC', 'OTHER')),
    topic_detail varchar(300),
    channel      varchar(10) check (channel in ('ONLINE', 'PHONE', 'WALK_IN')),
    booked_at    timestamptz,
    outcome_enc  text,
    closed_at    timestamptz,
    closed_by    varchar(100),
    unique (room_id, starts_at),
    constraint education_counselling_times check (ends_at > starts_at),
    constraint education_counselling_booked check (status in ('OPEN', 'CANCELLED') or (resident_id is not null and topic is not null)),
    constraint education_counselling_open check (status <> 'OPEN' or resident_id is null)
);
create index education_counselling_starts on education_counselling_slot (starts_at);
create index education_counselling_resident on education_counselling_slot (resident_id);

create table education_kiosk_hours (
    id        bigserial primary key,
    room_id   bigint      not null references education_room (id),
    weekday   int         not null check (weekday between 1 and 7),
    opens     time        not null,
    closes    time        not null,
    note      varchar(200),
    constraint education_kiosk_hours_times check (closes > opens),
    unique (room_id, weekday, opens)
);

create table education_quiz (
    id          bigserial primary key,
    title       varchar(200) not null,
    place       varchar(200),
    opens_at    timestamptz  not null,
    closes_at   timestamptz  not null,
    status      varchar(10)  not null default 'DRAFT' check (status in ('DRAFT', 'OPEN', 'CLOSED')),
    created_at  timestamptz  not null,
    constraint education_quiz_window check (closes_at > opens_at)
);

create table education_quiz_question (
    id          bigserial primary key,
    quiz_id     bigint       not null references education_quiz (id) on delete cascade,
    question_no int          not null check (question_no >= 1),
    prompt      text         not null,
    hint        varchar(300),
    choices     text,
    answers     text         not null,
    seconds     int          not null check (seconds between 10 and 1800),
    points      int          not null default 10 check (points between 1 and 1000),
    unique (quiz_id, question_no)
);

create table education_quiz_participant (
    id            bigserial primary key,
    quiz_id       bigint      not null references education_quiz (id),
    resident_id   bigint      not null references education_resident (id),
    entry_no      int         not null,
    registered_at timestamptz not null,
    channel       varchar(10) not null check (channel in ('ONLINE', 'PHONE', 'WALK_IN')),
    unique (quiz_id, resident_id),
    unique (quiz_id, entry_no)
);

-- One attempt per participant (unique), one answer per question (primary key).
create table education_quiz_attempt (
    id             bigserial primary key,
    participant_id bigint      not null unique references education_quiz_participant (id),
    started_at     timestamptz not null,
    finished_at    timestamptz,
    score          int         not null default 0,
    elapsed_ms     bigint      not null default 0
);

create table education_quiz_answer (
    attempt_id  bigint      not null references education_quiz_attempt (id),
    question_id bigint      not null references education_quiz_question (id),
    shown_at    timestamptz not null,
    answered_at timestamptz,
    answer      varchar(500),
    correct     boolean,
    on_time     boolean,
    elapsed_ms  bigint,
    primary key (attempt_id, question_id)
);

create table education_survey_response (
    id              bigserial primary key,
    course_id       bigint      not null references education_course (id),
    registration_id bigint      not null unique references education_registration (id),
    instructor      varchar(100),
    overall         int         not null check (overall between 1 and 5),
    instructor_score int        not null check (instructor_score between 1 and 5),
    content_score   int         not null check (content_score between 1 and 5),
    venue_score     int         not null check (venue_score between 1 and 5),
    recommend       boolean     not null,
    comment         varchar(1000),
    submitted_at    timestamptz not null
);
create index education_survey_course on education_survey_response (course_id);

-- Trainee figures kept as aggregates (years before the system, or trainees of partner sites recorded by
-- hand). Live completions are counted from education_registration and added to these.
create table education_trainee_stat (
    id            bigserial primary key,
    year          int          not null check (year between 2000 and 2100),
    period_label  varchar(60)  not null,
    venue_kind    varchar(20)  not null check (venue_kind in ('DISTRICT_OFFICE', 'COMMUNITY_CENTRE', 'WELFARE_CENTRE', 'OTHER')),
    venue_id      bigint references education_venue (id),
    category_code varchar(30)  not null references education_category (code),
    trainees      int          not null check (trainees >= 0),
    source        varchar(300) not null,
    recorded_at   timestamptz  not null,
    recorded_by   varchar(100) not null
);
create unique index education_trainee_stat_key on education_trainee_stat (year, venue_kind, coalesce(venue_id, 0), category_code);

-- The year's programme as the work plan states it (정규/특강, 트렌드, 상담소, 키오스크, 틈새특강, 견학, 경진대회).
create table education_plan_item (
    id             bigserial primary key,
    year           int          not null,
    kind           varchar(20)  not null check (kind in ('REGULAR', 'SPECIAL', 'TREND', 'COUNSELLING', 'KIOSK', 'GAP_LECTURE', 'FIELD_TRIP', 'CONTEST', 'FESTIVAL', 'RESULT')),
    title          varchar(200) not null,
    detail         text,
    place          varchar(200),
    month          int check (month between 1 and 12),
    planned_count  int,
    baseline_count int,
    sort_order     int          not null default 0
);
create index education_plan_item_year on education_plan_item (year, sort_order);
