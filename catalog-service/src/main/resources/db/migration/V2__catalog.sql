-- The catalog's open-data side: reference code lists, the dataset catalogue, fiscal line items,
-- 三公经费, statistical indicators and their observations. Reference rows are maintained by the
-- repeatable Java migration ReferenceDataMigration from src/main/resources/reference/*.csv.

create table region (
    code        text primary key check (code ~ '^[0-9]{6}$'),
    name        text not null,
    level       text not null check (level in ('province', 'prefecture', 'county')),
    parent_code text references region (code)
);

-- 政府收支分类科目: 类 (3 digits), 款 (5), 项 (7), 目 (9). Synthetic rows exist only in benchmark
-- databases (demo data at scale >= 3).
create table classification (
    code        text primary key check (code ~ '^[0-9]{3}([0-9]{2}){0,3}$'),
    name        text not null,
    level       smallint not null check (level between 1 and 4),
    parent_code text references classification (code),
    direction   text not null check (direction in ('REVENUE', 'EXPENDITURE')),
    synthetic   boolean not null default false,
    check ((level = 1) = (parent_code is null))
);

create table dataset (
    id               text primary key check (id ~ '^[a-z0-9-]+$'),
    theme            text not null check (theme in ('fiscal', 'statistics', 'policy')),
    title            text not null,
    title_en         text,
    description      text,
    publisher        text not null,
    region_code      text not null references region (code),
    keywords         text[] not null default '{}',
    temporal_start   date,
    temporal_end     date,
    update_frequency text not null check (update_frequency in ('ANNUAL', 'QUARTERLY', 'MONTHLY', 'IRREGULAR')),
    license          text not null default 'CC-BY-4.0',
    -- the list resource this dataset is published as; distributions are its JSON and CSV forms
    resource_path    text not null,
    issued           timestamptz not null default now(),
    modified         timestamptz not null default now(),
    -- bumped by every load; part of ETags and cache keys
    version          bigint not null default 0
);

-- Amounts in 万元 are the 本级 figures of the government with that region code.
create table fiscal_item (
    id                  bigint generated always as identity primary key,
    year                smallint not null check (year between 1949 and 2100),
    region_code         text not null references region (code),
    budget_type         text not null check (budget_type in ('GENERAL_PUBLIC', 'GOVERNMENT_FUND', 'STATE_CAPITAL', 'SOCIAL_INSURANCE')),
    stage               text not null check (stage in ('BUDGET', 'ADJUSTED', 'FINAL')),
    direction           text not null check (direction in ('REVENUE', 'EXPENDITURE')),
    classification_code text not null references classification (code),
    amount              numeric(18, 2) not null,
    modified            timestamptz not null default now(),
    -- also the default sort and the keyset of cursor iteration
    constraint fiscal_item_key unique (year, region_code, budget_type, stage, direction, classification_code)
);

create index fiscal_item_region on fiscal_item (region_code, year);
create index fiscal_item_classification on fiscal_item (classification_code text_pattern_ops);
create index fiscal_item_modified on fiscal_item (modified);

create table three_public_expense (
    year               smallint not null check (year between 1949 and 2100),
    region_code        text not null references region (code),
    stage              text not null check (stage in ('BUDGET', 'ADJUSTED', 'FINAL')),
    overseas_travel    numeric(14, 2) not null,
    vehicle_purchase   numeric(14, 2) not null,
    vehicle_operation  numeric(14, 2) not null,
    official_reception numeric(14, 2) not null,
    modified           timestamptz not null default now(),
    primary key (year, region_code, stage)
);

create table indicator (
    code        text primary key check (code ~ '^[A-Z0-9_]+$'),
    name        text not null,
    name_en     text not null,
    unit        text not null,
    unit_en     text not null,
    frequency   char(1) not null check (frequency in ('A', 'Q', 'M')),
    description text,
    modified    timestamptz not null default now()
);

-- Every published value is kept: a revision closes the current row (superseded_on) and adds a new
-- one, so "asOf D" = published_on <= D < superseded_on.
create table observation (
    id             bigint generated always as identity primary key,
    indicator_code text not null references indicator (code),
    region_code    text not null references region (code),
    period         text not null check (period ~ '^[0-9]{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$'),
    period_start   date not null,
    period_end     date not null,
    value          numeric not null,
    status         text not null check (status in ('PRELIMINARY', 'FINAL', 'REVISED')),
    published_on   date not null,
    superseded_on  date,
    modified       timestamptz not null default now(),
    check (superseded_on is null or superseded_on >= published_on)
);

create unique index observation_current on observation (indicator_code, region_code, period)
    where superseded_on is null;
create index observation_history on observation (indicator_code, region_code, period_start, published_on);
create index observation_modified on observation (modified);

-- What the demo-data generator loaded, so that a restart neither reloads nor overwrites real data.
create table demo_data (
    id          smallint primary key check (id = 1),
    seed        bigint not null,
    scale       integer not null,
    fiscal_rows bigint not null,
    loaded_at   timestamptz not null default now()
);

-- ReferenceDataMigration (repeatable, so it runs after this) completes the regions.
insert into region (code, name, level) values ('150000', '内蒙古自治区', 'province');

insert into dataset (id, theme, title, title_en, description, publisher, region_code, keywords,
                     temporal_start, temporal_end, update_frequency, resource_path)
values ('fiscal-general-public', 'fiscal', '内蒙古自治区一般公共预算收支',
        'General public budget revenue and expenditure of Inner Mongolia',
        '自治区、盟市和旗县区一般公共预算的预算、调整预算和决算，按收支分类科目列示，单位万元。',
        '内蒙古自治区财政厅', '150000', '{预算,决算,一般公共预算,财政}', '2015-01-01', '2025-12-31',
        'ANNUAL', '/api/v1/catalog/fiscal/items?budgetType=GENERAL_PUBLIC'),
       ('fiscal-government-fund', 'fiscal', '内蒙古自治区政府性基金预算收支',
        'Government fund budget revenue and expenditure of Inner Mongolia',
        '政府性基金预算的预算、调整预算和决算，含国有土地使用权出让收支和专项债务，单位万元。',
        '内蒙古自治区财政厅', '150000', '{预算,决算,政府性基金,专项债}', '2015-01-01', '2025-12-31',
        'ANNUAL', '/api/v1/catalog/fiscal/items?budgetType=GOVERNMENT_FUND'),
       ('fiscal-state-capital', 'fiscal', '内蒙古自治区国有资本经营预算收支',
        'State capital operation budget revenue and expenditure of Inner Mongolia',
        '国有资本经营预算的预算、调整预算和决算，单位万元。',
        '内蒙古自治区财政厅', '150000', '{预算,决算,国有资本经营}', '2015-01-01', '2025-12-31',
        'ANNUAL', '/api/v1/catalog/fiscal/items?budgetType=STATE_CAPITAL'),
       ('fiscal-social-insurance', 'fiscal', '内蒙古自治区社会保险基金预算收支',
        'Social insurance fund budget revenue and expenditure of Inner Mongolia',
        '社会保险基金预算的预算、调整预算和决算（自治区和盟市统筹），单位万元。',
        '内蒙古自治区财政厅', '150000', '{预算,决算,社会保险基金,养老保险}', '2015-01-01', '2025-12-31',
        'ANNUAL', '/api/v1/catalog/fiscal/items?budgetType=SOCIAL_INSURANCE'),
       ('fiscal-three-public', 'fiscal', '内蒙古自治区“三公”经费',
        'Expenses on overseas travel, official vehicles and official reception',
        '各级本级部门因公出国（境）费、公务用车购置及运行维护费和公务接待费的预算与决算，单位万元。',
        '内蒙古自治区财政厅', '150000', '{三公经费,因公出国,公务用车,公务接待}', '2015-01-01', '2025-12-31',
        'ANNUAL', '/api/v1/catalog/fiscal/three-public-expenses'),
       ('statistics-national-economy', 'statistics', '内蒙古自治区国民经济和社会发展统计数据',
        'Statistics on the national economy and social development of Inner Mongolia',
        '地区生产总值、人口、价格、消费、工业、投资、收入、粮食和就业等指标的年度、季度和月度数据，保留每一次修订。',
        '内蒙古自治区统计局', '150000', '{统计,地区生产总值,居民消费价格指数,人口}', '2015-01-01', '2025-12-31',
        'MONTHLY', '/api/v1/catalog/statistics/observations');
