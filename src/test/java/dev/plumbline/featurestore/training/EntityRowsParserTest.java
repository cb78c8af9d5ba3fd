package dev.plumbline.featurestore.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class EntityRowsParserTest {

    static final UploadShape SHAPE = new UploadShape("label_time", Set.of("customer_id"), List.of("is_fraud"));
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    EntityRowsParser parser() {
        return new EntityRowsParser(SHAPE, NOW);
    }

    @Test
    void csvRowsKeepTheirColumnsLinesAndLabelTimes() {
        EntityRows rows = parser().csv("""
                customer_id,label_time,is_fraud\r
                c1,2026-03-14T09:30:00Z,1\r
                "c,2",2026-03-14 10:00:00.123456,0\r
                \r
                c3,2026-03-15,
                """);
        assertThat(rows.columns()).containsExactly("customer_id", "label_time", "is_fraud");
        assertThat(rows.rows()).extracting(EntityRows.Row::line).containsExactly(2, 3, 5);
        assertThat(rows.rows()).extracting(EntityRows.Row::labelTime).containsExactly(
                Instant.parse("2026-03-14T09:30:00Z"), Instant.parse("2026-03-14T10:00:00.123456Z"),
                Instant.parse("2026-03-15T00:00:00Z"));
        assertThat(rows.rows().get(1).values()[0]).isEqualTo("c,2");
    }

    @Test
    void unknownAndMissingColumnsAreRefusedOnTheHeaderLine() {
        assertThatThrownBy(() -> parser().csv("customer,label_time,is_fraud,extra\nc1,2026-01-01,1\n"))
                .isInstanceOf(BadUpload.class).extracting(e -> ((BadUpload) e).problems(), InstanceOfAssertFactories.LIST)
                .containsExactly(
                        "line 1: unknown column \"customer\"; expected customer_id, label_time, is_fraud (name label "
                                + "columns with label_columns)",
                        "line 1: unknown column \"extra\"; expected customer_id, label_time, is_fraud (name label "
                                + "columns with label_columns)",
                        "line 1: the header has no column \"customer_id\", the entity key of a feature view joined");
    }

    @Test
    void everyBadRowIsReportedWithItsLine() {
        assertThatThrownBy(() -> parser().csv("""
                customer_id,label_time,is_fraud
                c1,2026-01-01T00:00:00Z,0
                c2,yesterday,1
                ,2026-01-01,0
                c4,2026-01-01
                c5,2027-01-01T00:00:00Z,1
                c6,2026-01-01T00:00:00.0000001Z,1
                """)).isInstanceOf(BadUpload.class).extracting(e -> ((BadUpload) e).problems(),
                        InstanceOfAssertFactories.LIST).containsExactly(
                "line 3: label_time \"yesterday\" is not a timestamp: expected ISO-8601 such as "
                        + "2026-03-14T09:30:00Z (UTC when no offset is given)",
                "line 4: customer_id is empty",
                "line 5: 2 fields, the header has 3",
                "line 6: label time 2027-01-01T00:00:00Z is in the future; features as of it are not known yet",
                "line 7: label_time \"2026-01-01T00:00:00.0000001Z\" is finer than a microsecond, which event times "
                        + "are not: round it to microseconds");
    }

    @Test
    void emptyAndHeaderOnlyFilesAreRefused() {
        assertThatThrownBy(() -> parser().csv("")).hasMessageStartingWith("the file is empty");
        assertThatThrownBy(() -> parser().csv("\n\n")).hasMessageStartingWith("the file is empty");
        assertThatThrownBy(() -> parser().csv("customer_id,label_time,is_fraud\n"))
                .hasMessage("the file has a header but no entity rows");
        assertThatThrownBy(() -> parser().json("[]")).hasMessageStartingWith("the upload has no entity rows");
    }

    @Test
    void anUnclosedQuoteNamesTheLineItOpensOn() {
        assertThatThrownBy(() -> parser().csv("customer_id,label_time,is_fraud\nc1,2026-01-01,1\n\"c2,2026-01-01,1\n"))
                .hasMessage("line 3: a quoted field is never closed");
    }

    @Test
    void jsonRowsAreObjectsCheckedWithTheirLines() {
        EntityRows rows = parser().json("""
                [
                  {"customer_id": "c1", "label_time": "2026-03-14T09:30:00Z", "is_fraud": 1},
                  {"customer_id": 42, "label_time": "2026-03-14T09:30:00Z", "is_fraud": null}
                ]""");
        assertThat(rows.rows()).extracting(EntityRows.Row::line).containsExactly(2, 3);
        assertThat(rows.rows().get(1).values()).containsExactly("42", "2026-03-14T09:30:00Z", "");

        assertThatThrownBy(() -> parser().json("""
                [
                  {"customer_id": "c1", "label_time": "2026-03-14T09:30:00Z", "is_fraud": 1},
                  {"customer_id": "c2", "label_time": "soon", "is_fraud": 1, "score": 3},
                  {"label_time": "2026-03-14T09:30:00Z", "is_fraud": 0}
                ]""")).isInstanceOf(BadUpload.class).extracting(e -> ((BadUpload) e).problems(),
                        InstanceOfAssertFactories.LIST).containsExactly(
                "line 3: unknown column \"score\"; expected customer_id, label_time, is_fraud",
                "line 4: no \"customer_id\"; every row needs customer_id, label_time, is_fraud");
        assertThatThrownBy(() -> parser().json("[\n{\"customer_id\": \"c1\",\n \"label_time\": }]"))
                .hasMessageStartingWith("line 3: not JSON");
        assertThatThrownBy(() -> parser().json("{\"customer_id\": \"c1\"}"))
                .hasMessageStartingWith("line 1: expected a JSON array of objects");
    }

    @Test
    void moreRowsThanTheLimitAreRefusedNamingTheFirstLinePastIt() {
        StringBuilder csv = new StringBuilder("customer_id,label_time,is_fraud\n");
        for (int i = 0; i <= EntityRowsParser.MAX_ROWS; i++) {
            csv.append("c,2026-01-01,1\n");
        }
        assertThatThrownBy(() -> parser().csv(csv.toString())).hasMessage("the file has more than 1000000 entity "
                + "rows (line 1000002 is past the limit): split it into several training sets");
    }
}
