package dev.plumbline.ingest;

/** A record as delivered by a source, before staging: its coordinates, key and raw value. */
public record IncomingRecord(String topic, int partition, long offset, String key, byte[] value) {
}
