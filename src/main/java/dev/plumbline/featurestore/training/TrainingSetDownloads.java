package dev.plumbline.featurestore.training;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/** A stored training set's rows as CSV, converted from its Parquet on the way out and streamed from a file. */
@ApplicationScoped
public class TrainingSetDownloads {

    private final TrainingSetStore store;

    public TrainingSetDownloads(TrainingSetStore store) {
        this.store = store;
    }

    public Optional<StreamingOutput> csv(long id) {
        return store.parquet(id).map(parquet -> {
            Path file;
            try {
                file = TrainingSetFile.csv(parquet);
            } catch (SQLException e) {
                throw new IllegalStateException("could not read training set " + id + " as CSV", e);
            }
            return out -> {
                try {
                    Files.copy(file, out);
                } finally {
                    TrainingSetFile.delete(file);
                }
            };
        });
    }
}
