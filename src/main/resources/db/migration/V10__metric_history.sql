-- Metric history for the dashboards. A series is a metric with its labels; its points are buckets of one
-- minute, one hour and one day, each written as samples arrive (count, weighted sum, min, max) and each kept
-- for its own retention, so a year of a series renders from about 365 daily points.
CREATE TABLE metric_series (
    id     bigserial PRIMARY KEY,
    metric text  NOT NULL,
    labels jsonb NOT NULL,
    UNIQUE (metric, labels)
);

CREATE TABLE metric_point (
    series_id  bigint           NOT NULL REFERENCES metric_series (id) ON DELETE CASCADE,
    resolution int              NOT NULL CHECK (resolution IN (60, 3600, 86400)),
    bucket     timestamptz      NOT NULL,
    weight     double precision NOT NULL CHECK (weight > 0),
    total      double precision NOT NULL,
    low        double precision NOT NULL,
    high       double precision NOT NULL,
    PRIMARY KEY (series_id, resolution, bucket)
);
CREATE INDEX metric_point_age ON metric_point (resolution, bucket);

-- What a rule observed as a value (Great Expectations' observed_value), next to the sentence in `observed`.
ALTER TABLE rule_result ADD COLUMN observed_value jsonb;
