package dev.plumbline.transform;

import java.time.Duration;
import java.time.Instant;

/** Cuts time into tiles of one width: bucket n covers [n × width, (n + 1) × width) since the epoch. */
public record TileGrid(long widthMillis) {

    public static TileGrid of(Duration width) {
        return new TileGrid(width.toMillis());
    }

    public long bucket(Instant t) {
        return Math.floorDiv(t.toEpochMilli(), widthMillis);
    }

    public Instant start(long bucket) {
        return Instant.ofEpochMilli(bucket * widthMillis);
    }
}
