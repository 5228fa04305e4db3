//! The SQLite and PostgreSQL migrations build the same schema. Fresh
//! databases of both kinds are migrated by the store itself, then read back
//! from each database's own catalog and compared: the tables; each column's
//! name, type and nullability; each table's primary key, unique keys and
//! foreign keys (with what a delete does); and every index by name, with its
//! table, columns, uniqueness and condition (a partial index's WHERE).
//!
//! Types are compared through one small mapping, the types the store reads
//! alike through sqlx's `Any` driver:
//!
//! | SQLite    | PostgreSQL         | compared as |
//! |-----------|--------------------|-------------|
//! | `INTEGER` | `bigint`           | integer     |
//! | `TEXT`    | `text`             | text        |
//! | `BLOB`    | `bytea`            | bytes       |
//! | `REAL`    | `double precision` | real        |
//!
//! Any other type is "unmapped" under its own name, and so matches nothing
//! on the other side (its spelling differs, or the other side maps it) until
//! it is added here: PostgreSQL's `integer` is 32 bits and reads differently,
//! so it is no match for SQLite's `INTEGER`, nor SQLite's `BIGINT` (no row id
//! as a primary key) for PostgreSQL's `bigint`. Unique keys are
//! compared by their columns (each database names them its own way), as are
//! primary keys; an `INTEGER PRIMARY KEY` is SQLite's row id and cannot be
//! NULL, whereas any other SQLite primary key column is as nullable as it is
//! declared. Not compared: defaults, CHECK constraints, triggers (the audit
//! log's are written per database) and column order.
//!
//! A difference fails the test, listing every difference found; the fix is a
//! new migration on the side that is wrong, never an edit to an applied one.

use crate::common::PgDatabase;
use frontdesk::server::store::{DatabaseOptions, Store};
use sqlx::Row;
use std::collections::{BTreeMap, BTreeSet};

/// What a schema holds, as "what" → "how": `column outbox.sent_at` →
/// `integer NULL`, `index outbox_due` → `on outbox (sent_at, next_attempt_at)`.
type Facts = BTreeMap<String, String>;

fn sqlite_type(declared: &str) -> String {
    match declared.to_ascii_uppercase().as_str() {
        "INTEGER" => "integer".into(),
        "TEXT" => "text".into(),
        "BLOB" => "bytes".into(),
        "REAL" => "real".into(),
        other => format!("unmapped SQLite type '{other}'"),
    }
}

fn postgres_type(formatted: &str) -> String {
    match formatted {
        "bigint" => "integer".into(),
        "text" => "text".into(),
        "bytea" => "bytes".into(),
        "double precision" => "real".into(),
        other => format!("unmapped PostgreSQL type '{other}'"),
    }
}

fn nullability(nullable: bool) -> &'static str {
    if nullable { "NULL" } else { "NOT NULL" }
}

/// The same words for what a delete does to the rows that refer to it.
fn on_delete(action: &str) -> &'static str {
    match action {
        "CASCADE" | "c" => "cascade",
        "SET NULL" | "n" => "set null",
        "SET DEFAULT" | "d" => "set default",
        "RESTRICT" | "r" => "restrict",
        "NO ACTION" | "a" => "no action",
        _ => "unknown",
    }
}

/// A partial index's condition, spelled alike: PostgreSQL gives
/// `(body_removed_at IS NULL)`, SQLite what the migration wrote.
fn condition(text: &str) -> String {
    text.replace(['(', ')'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn list(columns: &[String]) -> String {
    format!("({})", columns.join(", "))
}

fn index_fact(table: &str, columns: &[String], unique: bool, partial: Option<String>) -> String {
    let mut how = format!("on {table} {}", list(columns));
    if unique {
        how.push_str(", unique");
    }
    if let Some(partial) = partial {
        how.push_str(&format!(", where {partial}"));
    }
    how
}

/// One SQLite foreign key, gathered from its rows in `pragma_foreign_key_list`
/// (one row per column).
struct Reference {
    refers_to: String,
    from: Vec<String>,
    /// None where the reference names no column (the primary key is meant).
    to: Vec<Option<String>>,
    on_delete: String,
}

async fn sqlite_facts(path: &str) -> Facts {
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{path}"))
        .await
        .expect("open the SQLite database");
    let mut facts = Facts::new();
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let mut primary_keys = BTreeMap::new();
    for table in &tables {
        facts.insert(format!("table {table}"), "present".into());
        let columns = sqlx::query(
            "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?) ORDER BY cid",
        )
        .bind(table)
        .fetch_all(&pool)
        .await
        .unwrap();
        let mut key: Vec<(i64, String)> = columns
            .iter()
            .filter(|c| c.get::<i64, _>("pk") > 0)
            .map(|c| (c.get("pk"), c.get("name")))
            .collect();
        key.sort();
        let key: Vec<String> = key.into_iter().map(|(_, name)| name).collect();
        for c in &columns {
            let name: String = c.get("name");
            let declared: String = c.get("type");
            let row_id = key == [name.clone()] && declared.eq_ignore_ascii_case("INTEGER");
            let nullable = c.get::<i64, _>("notnull") == 0 && !row_id;
            facts.insert(
                format!("column {table}.{name}"),
                format!("{} {}", sqlite_type(&declared), nullability(nullable)),
            );
        }
        if !key.is_empty() {
            facts.insert(format!("primary key of {table}"), list(&key));
        }
        primary_keys.insert(table.clone(), key);

        let indexes = sqlx::query(
            "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?) ORDER BY name",
        )
        .bind(table)
        .fetch_all(&pool)
        .await
        .unwrap();
        for index in &indexes {
            let name: String = index.get("name");
            let origin: String = index.get("origin");
            let columns: Vec<String> = sqlx::query_scalar::<_, Option<String>>(
                "SELECT name FROM pragma_index_info(?) ORDER BY seqno",
            )
            .bind(&name)
            .fetch_all(&pool)
            .await
            .unwrap()
            .into_iter()
            .map(|c| c.unwrap_or_else(|| "<expression>".into()))
            .collect();
            match origin.as_str() {
                "pk" => {} // the primary key, above
                "u" => {
                    facts.insert(
                        format!("unique key {table} {}", list(&columns)),
                        "present".into(),
                    );
                }
                _ => {
                    let partial = if index.get::<i64, _>("partial") != 0 {
                        let sql: String = sqlx::query_scalar(
                            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?",
                        )
                        .bind(&name)
                        .fetch_one(&pool)
                        .await
                        .unwrap();
                        let at = sql.to_uppercase().rfind(" WHERE ").expect("a WHERE");
                        Some(condition(&sql[at + 7..]))
                    } else {
                        None
                    };
                    let unique = index.get::<i64, _>("unique") != 0;
                    facts.insert(
                        format!("index {name}"),
                        index_fact(table, &columns, unique, partial),
                    );
                }
            }
        }
    }
    // Foreign keys, once every table's primary key is known (a reference
    // without columns means the referenced table's primary key).
    for table in &tables {
        let references = sqlx::query(
            "SELECT id, \"table\" AS refers_to, \"from\", \"to\", on_delete \
             FROM pragma_foreign_key_list(?) ORDER BY id, seq",
        )
        .bind(table)
        .fetch_all(&pool)
        .await
        .unwrap();
        let mut by_id: BTreeMap<i64, Reference> = BTreeMap::new();
        for r in &references {
            let reference = by_id.entry(r.get("id")).or_insert_with(|| Reference {
                refers_to: r.get("refers_to"),
                from: Vec::new(),
                to: Vec::new(),
                on_delete: r.get("on_delete"),
            });
            reference.from.push(r.get("from"));
            reference.to.push(r.get("to"));
        }
        for Reference {
            refers_to,
            from,
            to,
            on_delete: action,
        } in by_id.into_values()
        {
            let to: Vec<String> = if to.iter().all(Option::is_none) {
                primary_keys.get(&refers_to).cloned().unwrap_or_default()
            } else {
                to.into_iter().map(Option::unwrap_or_default).collect()
            };
            facts.insert(
                format!("foreign key {table} {}", list(&from)),
                format!(
                    "references {refers_to} {}, on delete {}",
                    list(&to),
                    on_delete(&action)
                ),
            );
        }
    }
    pool.close().await;
    facts
}

async fn postgres_facts(url: &str) -> Facts {
    let pool = sqlx::PgPool::connect(url)
        .await
        .expect("open the PostgreSQL database");
    let mut facts = Facts::new();
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
         WHERE n.nspname = current_schema() AND c.relkind = 'r' \
         AND c.relname <> '_sqlx_migrations' ORDER BY 1",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    for table in &tables {
        facts.insert(format!("table {table}"), "present".into());
    }
    let columns = sqlx::query(
        "SELECT c.relname::text AS table_name, a.attname::text AS name, \
                format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null \
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid \
         JOIN pg_namespace n ON n.oid = c.relnamespace \
         WHERE n.nspname = current_schema() AND c.relkind = 'r' \
           AND c.relname <> '_sqlx_migrations' AND a.attnum > 0 AND NOT a.attisdropped",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    for c in &columns {
        let (table, name): (String, String) = (c.get("table_name"), c.get("name"));
        let formatted: String = c.get("type");
        facts.insert(
            format!("column {table}.{name}"),
            format!(
                "{} {}",
                postgres_type(&formatted),
                nullability(!c.get::<bool, _>("not_null"))
            ),
        );
    }
    // Every index, with the constraint it serves if any (primary key `p`,
    // unique key `u`); an expression in an index reads as <expression>.
    let indexes = sqlx::query(
        "SELECT i.relname::text AS name, t.relname::text AS table_name, ix.indisunique AS is_unique, \
                con.contype::text AS constraint_kind, pg_get_expr(ix.indpred, ix.indrelid) AS partial, \
                ARRAY(SELECT COALESCE(a.attname::text, '<expression>') \
                      FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) \
                      LEFT JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum \
                      ORDER BY k.ord) AS columns \
         FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid \
         JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace \
         LEFT JOIN pg_constraint con ON con.conindid = ix.indexrelid AND con.contype IN ('p', 'u') \
         WHERE n.nspname = current_schema() AND t.relname <> '_sqlx_migrations'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    for index in &indexes {
        let name: String = index.get("name");
        let table: String = index.get("table_name");
        let columns: Vec<String> = index.get("columns");
        match index.get::<Option<String>, _>("constraint_kind").as_deref() {
            Some("p") => {
                facts.insert(format!("primary key of {table}"), list(&columns));
            }
            Some(_) => {
                facts.insert(
                    format!("unique key {table} {}", list(&columns)),
                    "present".into(),
                );
            }
            None => {
                let partial = index
                    .get::<Option<String>, _>("partial")
                    .map(|p| condition(&p));
                facts.insert(
                    format!("index {name}"),
                    index_fact(&table, &columns, index.get("is_unique"), partial),
                );
            }
        }
    }
    let references = sqlx::query(
        "SELECT t.relname::text AS table_name, r.relname::text AS refers_to, \
                con.confdeltype::text AS on_delete, \
                ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord) \
                      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum \
                      ORDER BY k.ord) AS from_columns, \
                ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord) \
                      JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum \
                      ORDER BY k.ord) AS to_columns \
         FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid \
         JOIN pg_class r ON r.oid = con.confrelid JOIN pg_namespace n ON n.oid = t.relnamespace \
         WHERE con.contype = 'f' AND n.nspname = current_schema()",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    for r in &references {
        let table: String = r.get("table_name");
        let refers_to: String = r.get("refers_to");
        let from: Vec<String> = r.get("from_columns");
        let to: Vec<String> = r.get("to_columns");
        let action: String = r.get("on_delete");
        facts.insert(
            format!("foreign key {table} {}", list(&from)),
            format!(
                "references {refers_to} {}, on delete {}",
                list(&to),
                on_delete(&action)
            ),
        );
    }
    pool.close().await;
    facts
}

/// Every fact on which the two differ, in words.
fn differences(sqlite: &Facts, postgres: &Facts) -> Vec<String> {
    let what: BTreeSet<&String> = sqlite.keys().chain(postgres.keys()).collect();
    what.into_iter()
        .filter_map(|what| {
            let (s, p) = (sqlite.get(what), postgres.get(what));
            (s != p).then(|| {
                let shown = |v: Option<&String>| v.map_or("missing".to_string(), |v| v.clone());
                format!("{what}: SQLite {}, PostgreSQL {}", shown(s), shown(p))
            })
        })
        .collect()
}

#[tokio::test]
async fn both_databases_get_the_same_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("parity.db").display().to_string();
    let sqlite = Store::open(&DatabaseOptions::new(&path))
        .await
        .expect("SQLite migrates");
    sqlite.close().await;
    let postgres_db = PgDatabase::create().await;
    let postgres = Store::open(&DatabaseOptions::new(&postgres_db.url))
        .await
        .expect("PostgreSQL migrates");
    postgres.close().await;

    let sqlite = sqlite_facts(&path).await;
    let postgres = postgres_facts(&postgres_db.url).await;
    // The catalogs were read (a reading that found nothing would agree too).
    for facts in [&sqlite, &postgres] {
        for fact in [
            "table patients",
            "column patients.mrn",
            "primary key of patients",
            "unique key patients (mrn)",
            "index outbox_with_body",
            "foreign key accounts (patient_id)",
        ] {
            assert!(facts.contains_key(fact), "{fact} not read: {facts:#?}");
        }
        assert!(facts.keys().filter(|k| k.starts_with("table ")).count() >= 20);
    }
    let found = differences(&sqlite, &postgres);
    assert!(
        found.is_empty(),
        "the SQLite and PostgreSQL migrations differ ({} differences):\n  {}",
        found.len(),
        found.join("\n  ")
    );
}

#[test]
fn differences_are_named() {
    let fact = |pairs: &[(&str, &str)]| -> Facts {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    let sqlite = fact(&[
        ("column a.x", "integer NOT NULL"),
        ("index a_by_x", "on a (x)"),
    ]);
    let postgres = fact(&[("column a.x", "integer NULL"), ("table b", "present")]);
    assert_eq!(
        differences(&sqlite, &postgres),
        [
            "column a.x: SQLite integer NOT NULL, PostgreSQL integer NULL",
            "index a_by_x: SQLite on a (x), PostgreSQL missing",
            "table b: SQLite missing, PostgreSQL present",
        ]
    );
    assert_eq!(
        condition("(body_removed_at IS NULL)"),
        "body_removed_at is null"
    );
    assert_eq!(sqlite_type("integer"), postgres_type("bigint"));
    assert_ne!(sqlite_type("INTEGER"), postgres_type("integer"));
    assert_ne!(sqlite_type("boolean"), postgres_type("boolean"));
}
