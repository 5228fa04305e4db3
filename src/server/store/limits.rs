use super::Store;

impl Store {
    /// Failures counted for `subject` in the window starting at `window_start`.
    pub async fn failures(
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

    /// Counts one failure in the window from `window_start` to
    /// `window_ends_at` (after which the retention job deletes the counter).
    pub async fn add_failure(
        &self,
        scope: &str,
        subject: &str,
        window_start: i64,
        window_ends_at: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO failure_counters (scope, subject, window_start, window_ends_at, failures) \
             VALUES ($1, $2, $3, $4, 1) \
             ON CONFLICT (scope, subject, window_start) DO UPDATE SET failures = failure_counters.failures + 1",
        )
        .bind(scope)
        .bind(subject)
        .bind(window_start)
        .bind(window_ends_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
