package dev.plumbline.ingest;

import java.time.Instant;
import java.util.Map;

/** Records were durably staged: how many were new per topic (replayed offsets are not counted). */
public record BatchStaged(Map<String, Integer> newRecordsByTopic, Instant ingestedAt) {
}
