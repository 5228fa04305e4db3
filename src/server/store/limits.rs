use super::Store;

impl Store {
    /// Counts one event for `subject` in the window from `window_start` to
    /// `window_ends_at` (after which the retention job deletes it) unless `max` were counted already: the check and the
    /// count are one statement, so parallel requests cannot all pass a check
    /// made before any of them counted. True when it was counted.
    pub async fn take_one(
        &self,
        scope: &str,
        subject: &str,
        window_start: i64,
        window_ends_at: i64,
        max: u32,
    ) -> Result<bool, sqlx::Error> {
        let counted: Option<i64> = sqlx::query_scalar(
            "INSERT INTO failure_counters (scope, subject, window_start, window_ends_at, failures) \
             VALUES ($1, $2, $3, $4, 1) \
             ON CONFLICT (scope, subject, window_start) DO UPDATE SET failures = failure_counters.failures + 1 \
             WHERE failure_counters.failures < $5 RETURNING failures",
        )
        .bind(scope)
        .bind(subject)
        .bind(window_start)
        .bind(window_ends_at)
        .bind(i64::from(max))
        .fetch_optional(&self.pool)
        .await?;
        Ok(counted.is_some())
    }

    /// Takes back one event counted by [`Store::take_one`] (it succeeded).
    pub async fn give_back_one(
        &self,
        scope: &str,
        subject: &str,
        window_start: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "UPDATE failure_counters SET failures = failures - 1 \
             WHERE scope = $1 AND subject = $2 AND window_start = $3 AND failures > 0",
        )
        .bind(scope)
        .bind(subject)
        .bind(window_start)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Events counted for `subject` in the window starting at `window_start`.
    pub async fn counted(
        &self,
        scope: &str,
        subject: &str,
        window_start: i64,
    ) -> Result<i64, sqlx::Error> {
        let n: Option<i64> = sqlx::query_scalar(
            "SELECT failures FROM failure_counters WHERE scope = $1 AND subject = $2 AND window_start = $3",
        )
        .bind(scope)
        .bind(subject)
        .bind(window_start)
        .fetch_optional(&self.pool)
        .await?;
        Ok(n.unwrap_or(0))
    }
}
