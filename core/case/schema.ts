import type Database from 'better-sqlite3';

/**
 * The case schema as an ordered list of migrations. A case file records the last one applied in
 * `PRAGMA user_version` and every applied one in `schema_migrations`. Never edit a shipped
 * migration: add a new one at the end. Opening an older case applies the missing tail in one
 * transaction; opening a newer one is refused (CASE_TOO_NEW).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** For changes SQL alone cannot express (rewriting JSON, say); runs after `sql`, same transaction. */
  up?: (db: Database.Database) => void;
}

/** 'THCA' in the SQLite header, so a case is recognisable without reading any table. */
export const CASE_APPLICATION_ID = 0x54484341;

/** The hash that precedes the first audit entry. */
export const GENESIS_HASH = '0'.repeat(64);

const appendOnly = (table: string) => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
  BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
  BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'case core: metadata, artifacts, audit log',
    sql: `
CREATE TABLE case_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE audit_log (
  seq       INTEGER PRIMARY KEY,
  time      TEXT NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL,
  details   TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL UNIQUE
);
${appendOnly('audit_log')}
-- The hash itself needs sha256, which plain SQLite lacks; the order and the link it can enforce.
CREATE TRIGGER audit_log_extends_chain BEFORE INSERT ON audit_log
  WHEN NEW.seq IS NOT (SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_log)
    OR NEW.prev_hash IS NOT COALESCE((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), '${GENESIS_HASH}')
  BEGIN SELECT RAISE(ABORT, 'audit_log entries must extend the chain'); END;

CREATE TABLE artifacts (
  id       INTEGER PRIMARY KEY,
  path     TEXT NOT NULL,
  kind     TEXT NOT NULL,
  sha256   TEXT NOT NULL CHECK (length(sha256) = 64),
  size     INTEGER NOT NULL CHECK (size >= 0),
  mtime_ms REAL,
  added_at TEXT NOT NULL,
  label    TEXT,
  meta     TEXT NOT NULL DEFAULT '{}'
);
CREATE UNIQUE INDEX artifacts_path_sha256 ON artifacts(path, sha256);
${appendOnly('artifacts')}
`,
  },
  {
    version: 2,
    name: 'event index: strings, imports, events, view results',
    sql: `
CREATE TABLE strings (
  id INTEGER PRIMARY KEY,
  s  TEXT NOT NULL UNIQUE
);

-- One row per completed import, written inside the import's own transaction.
CREATE TABLE imports (
  id           TEXT PRIMARY KEY,
  artifact_id  INTEGER NOT NULL REFERENCES artifacts(id),
  started_at   TEXT NOT NULL,
  completed_at TEXT NOT NULL,
  events       INTEGER NOT NULL,
  findings     INTEGER NOT NULL,
  views        INTEGER NOT NULL,
  first_ts     INTEGER,
  last_ts      INTEGER,
  -- 1 when ts never decreases with evt_num (true of captures written by libscap), which lets a
  -- time window be found with two index seeks instead of a sort.
  ts_sorted    INTEGER NOT NULL DEFAULT 0,
  meta         TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX imports_artifact ON imports(artifact_id, completed_at);
${appendOnly('imports')}

-- The per-event summary columns the event list shows. dir: 0 enter (>), 1 exit (<).
-- file_offset locates the event's block in the (decompressed) capture for re-decoding.
-- proc_name, fd_name, container and info are strings(id); they carry no REFERENCES clause
-- because checking four foreign keys per row costs a third of the import speed. Strings are
-- never deleted, ids come only from the import's intern(), and verify checks for dangling ids.
CREATE TABLE events (
  artifact_id INTEGER NOT NULL REFERENCES artifacts(id),
  evt_num     INTEGER NOT NULL,
  file_offset INTEGER NOT NULL,
  ts          INTEGER NOT NULL,
  cpu         INTEGER NOT NULL,
  dir         INTEGER NOT NULL CHECK (dir IN (0, 1)),
  type        INTEGER NOT NULL,
  tid         INTEGER NOT NULL,
  pid         INTEGER,
  proc_name   INTEGER,
  fd_name     INTEGER,
  container   INTEGER,
  res         INTEGER,
  info        INTEGER,
  PRIMARY KEY (artifact_id, evt_num)
) WITHOUT ROWID;
CREATE INDEX events_ts ON events(artifact_id, ts);

-- Analysis view results, so reopening a case shows them without re-reading the capture.
-- view_key is the canonical JSON of what identifies a result; NULLs cannot be unique in SQLite.
CREATE TABLE views (
  id          INTEGER PRIMARY KEY,
  view_key    TEXT NOT NULL UNIQUE,
  artifact_id INTEGER REFERENCES artifacts(id),
  import_id   TEXT,
  name        TEXT NOT NULL,
  params      TEXT NOT NULL DEFAULT '{}',
  filter      TEXT,
  ts_from     INTEGER,
  ts_to       INTEGER,
  rows        TEXT NOT NULL,
  row_count   INTEGER NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX views_artifact_name ON views(artifact_id, name);
`,
  },
  {
    version: 3,
    name: 'findings, notes, bookmarks, saved filters',
    sql: `
CREATE TABLE findings (
  id            INTEGER PRIMARY KEY,
  artifact_id   INTEGER REFERENCES artifacts(id),
  import_id     TEXT,
  rule          TEXT NOT NULL,
  priority      TEXT NOT NULL CHECK (priority IN
                  ('emergency','alert','critical','error','warning','notice','informational','debug')),
  source        TEXT NOT NULL,
  ts            INTEGER,
  evt_num       INTEGER,
  output        TEXT NOT NULL,
  output_fields TEXT NOT NULL,
  tags          TEXT NOT NULL,
  created_at    TEXT NOT NULL
);
CREATE INDEX findings_artifact_ts ON findings(artifact_id, ts);
CREATE INDEX findings_import ON findings(import_id);
${appendOnly('findings')}

CREATE TABLE notes (
  id          INTEGER PRIMARY KEY,
  artifact_id INTEGER REFERENCES artifacts(id),
  evt_num     INTEGER,
  text        TEXT NOT NULL,
  author      TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  CHECK (evt_num IS NULL OR artifact_id IS NOT NULL)
);
CREATE INDEX notes_event ON notes(artifact_id, evt_num);
${appendOnly('notes')}

-- Bookmarks and saved filters are working state: they come and go, and the audit log says when.
CREATE TABLE bookmarks (
  id          INTEGER PRIMARY KEY,
  artifact_id INTEGER NOT NULL REFERENCES artifacts(id),
  evt_num     INTEGER NOT NULL,
  label       TEXT,
  created_at  TEXT NOT NULL,
  UNIQUE (artifact_id, evt_num)
);

CREATE TABLE saved_filters (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  filter      TEXT NOT NULL,
  description TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
`,
  },
  {
    version: 4,
    name: 'event index: the type name the list shows',
    // The list prints evt.type as sysdig does, which the ppm code alone cannot give back: generic
    // syscalls take their name from a parameter, and the name depends on the event-table dialect.
    // A strings(id) like proc_name, so repeated names cost one integer per row.
    sql: `
ALTER TABLE events ADD COLUMN type_name INTEGER;
`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
