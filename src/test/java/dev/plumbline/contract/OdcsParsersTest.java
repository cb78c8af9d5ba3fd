package dev.plumbline.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OdcsParsersTest {

    @TempDir
    Path folder;

    @Test
    void withoutTheSettingOnlyPlumblinesOwnRulesAreChecked() {
        assertThat(OdcsParsers.of(null, false).schema()).isEmpty();
    }

    @Test
    void settingThatNamesAMissingFileStopsStartUp() {
        Path missing = folder.resolve("odcs.json");

        assertThatThrownBy(() -> OdcsParsers.of(missing, false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("plumbline.contract.odcs-schema names " + missing.toAbsolutePath());
    }

    @Test
    void missingFileInTheDevAndTestProfilesTurnsSchemaValidationOff() {
        assertThat(OdcsParsers.of(folder.resolve("odcs.json"), true).schema()).isEmpty();
    }

    @Test
    void fileThatIsNotAJsonSchemaIsRefusedWithItsName() throws IOException {
        Path text = Files.writeString(folder.resolve("odcs.json"), "apiVersion: v3.1.0");
        Path list = Files.writeString(folder.resolve("list.json"), "[]");

        assertThatThrownBy(() -> OdcsParsers.of(text, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the ODCS JSON schema " + text + " cannot be read");
        assertThatThrownBy(() -> OdcsParsers.of(list, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the ODCS JSON schema " + list + " is not a JSON object");
    }

    @Test
    void settingThatNamesTheSchemaGivesAParserThatChecksIt() {
        assumeTrue(Files.isRegularFile(OdcsSchemaTest.SCHEMA), "no ODCS JSON schema at "
                + OdcsSchemaTest.SCHEMA.toAbsolutePath() + "; schema validation not checked");

        OdcsParser parser = OdcsParsers.of(OdcsSchemaTest.SCHEMA, false);

        assertThat(parser.schema()).hasValueSatisfying(s -> assertThat(s.source()).isEqualTo(OdcsSchemaTest.SCHEMA));
    }
}
