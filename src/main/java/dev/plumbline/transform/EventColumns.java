package dev.plumbline.transform;

import java.util.Arrays;

/**
 * The events a point-in-time join reads, column by column (times as epoch microseconds), and once {@link #sort}ed,
 * grouped by entity and ordered within an entity by event time, known-at time and staged record: the order
 * {@code last} breaks ties in, so the newest event a window folds is the last one it reaches.
 */
final class EventColumns {

    int size;
    int[] entity;
    long[] eventTime;
    long[] knownAt;
    long[] recordId;
    final FieldColumn[] fields;
    /** After sorting, entity {@code e}'s events are {@code [entityStart[e], entityStart[e + 1])}. */
    int[] entityStart;

    /** Per source field, whether its text and its hash are kept. */
    EventColumns(boolean[] keepText, boolean[] keepHash) {
        int capacity = 1024;
        entity = new int[capacity];
        eventTime = new long[capacity];
        knownAt = new long[capacity];
        recordId = new long[capacity];
        fields = new FieldColumn[keepText.length];
        for (int f = 0; f < fields.length; f++) {
            fields[f] = new FieldColumn(capacity, keepText[f], keepHash[f]);
        }
    }

    /** Appends an event's times and returns its index, for the caller to set its field values. */
    int add(int entityId, long eventMicros, long knownMicros, long record) {
        if (size == entity.length) {
            grow(size * 2);
        }
        entity[size] = entityId;
        eventTime[size] = eventMicros;
        knownAt[size] = knownMicros;
        recordId[size] = record;
        return size++;
    }

    /** Appends all of {@code other}'s events (read from another part of the table), column by column. */
    void addAll(EventColumns other) {
        if (size + other.size > entity.length) {
            grow(size + other.size);
        }
        System.arraycopy(other.entity, 0, entity, size, other.size);
        System.arraycopy(other.eventTime, 0, eventTime, size, other.size);
        System.arraycopy(other.knownAt, 0, knownAt, size, other.size);
        System.arraycopy(other.recordId, 0, recordId, size, other.size);
        for (int f = 0; f < fields.length; f++) {
            fields[f].copy(size, other.fields[f], other.size);
        }
        size += other.size;
    }

    private void grow(int capacity) {
        entity = Arrays.copyOf(entity, capacity);
        eventTime = Arrays.copyOf(eventTime, capacity);
        knownAt = Arrays.copyOf(knownAt, capacity);
        recordId = Arrays.copyOf(recordId, capacity);
        for (FieldColumn field : fields) {
            field.grow(capacity);
        }
    }

    /** Gives each event's entity its new number: {@code numbers[old]}. */
    void renumber(int[] numbers) {
        for (int i = 0; i < size; i++) {
            entity[i] = numbers[entity[i]];
        }
    }

    /** About how much memory the events take, once sorted (its arrays then hold exactly {@link #size} events). */
    long bytes() {
        long bytes = (long) size * (4 + 8 + 8 + 8) + (entityStart == null ? 0 : 4L * entityStart.length);
        for (FieldColumn field : fields) {
            bytes += field.bytes(size);
        }
        return bytes;
    }

    /** About how much memory one event takes, before its texts are known. */
    long bytesPerEvent() {
        long bytes = 4 + 8 + 8 + 8;
        for (FieldColumn field : fields) {
            bytes += field.bytesPerEvent();
        }
        return bytes;
    }

    /**
     * Groups the events by entity, numbered from 0 to {@code entities − 1} (a counting sort), then orders each
     * entity's events.
     */
    void sort(int entities) {
        entityStart = new int[entities + 1];
        for (int i = 0; i < size; i++) {
            entityStart[entity[i] + 1]++;
        }
        for (int e = 0; e < entities; e++) {
            entityStart[e + 1] += entityStart[e];
        }
        int[] next = Arrays.copyOf(entityStart, entities);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[next[entity[i]]++] = i;
        }
        // Grouped first, so that each entity's sort compares events that lie side by side in memory.
        permute(order);
        int[] scratch = new int[size];
        InHalves.run(0, middleEntity(), entities, size, (from, to) -> {
            for (int i = entityStart[from]; i < entityStart[to]; i++) {
                order[i] = i;
            }
            for (int e = from; e < to; e++) {
                mergeSort(order, scratch, entityStart[e], entityStart[e + 1]);
            }
        });
        permute(order);
    }

    /** The first entity whose events start in the second half of all the events. */
    int middleEntity() {
        int e = 0;
        while (e + 1 < entityStart.length && entityStart[e] < size / 2) {
            e++;
        }
        return e;
    }

    private void mergeSort(int[] order, int[] scratch, int from, int to) {
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int event = order[i];
                int j = i;
                for (; j > from && before(event, order[j - 1]); j--) {
                    order[j] = order[j - 1];
                }
                order[j] = event;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(order, scratch, from, middle);
        mergeSort(order, scratch, middle, to);
        if (!before(order[middle], order[middle - 1])) {
            return; // already in order, as events that arrive in event-time order mostly are
        }
        System.arraycopy(order, from, scratch, from, to - from);
        for (int i = from, a = from, b = middle; i < to; i++) {
            order[i] = b >= to || a < middle && !before(scratch[b], scratch[a]) ? scratch[a++] : scratch[b++];
        }
    }

    private boolean before(int a, int b) {
        if (eventTime[a] != eventTime[b]) {
            return eventTime[a] < eventTime[b];
        }
        return knownAt[a] != knownAt[b] ? knownAt[a] < knownAt[b] : recordId[a] < recordId[b];
    }

    /** Reorders the events so that event {@code i} becomes the one that was at {@code order[i]}, in two halves. */
    private void permute(int[] order) {
        int[] e = new int[size];
        long[] times = new long[size];
        long[] known = new long[size];
        long[] records = new long[size];
        FieldColumn[] permuted = new FieldColumn[fields.length];
        for (int f = 0; f < fields.length; f++) {
            permuted[f] = fields[f].emptyLike(size);
        }
        InHalves.run(0, size / 2, size, size, (from, to) -> {
            for (int i = from; i < to; i++) {
                e[i] = entity[order[i]];
                times[i] = eventTime[order[i]];
                known[i] = knownAt[order[i]];
                records[i] = recordId[order[i]];
            }
            for (int f = 0; f < fields.length; f++) {
                permuted[f].gather(fields[f], order, from, to);
            }
        });
        entity = e;
        eventTime = times;
        knownAt = known;
        recordId = records;
        System.arraycopy(permuted, 0, fields, 0, fields.length);
    }
}
