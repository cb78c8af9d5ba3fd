package dev.plumbline.featurestore.training;

import dev.plumbline.access.RequestAudit;
import dev.plumbline.access.TeamAccess;
import dev.plumbline.featurestore.FeatureRegistry;
import dev.plumbline.featurestore.FeatureViewConflict;
import dev.plumbline.transform.FeatureViewVersion;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.NoSuchElementException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Training sets in the browser: upload entity rows for a feature view (htmx sends the form with its CSRF header),
 * then the set's page with its pinned versions, leakage audit, first rows and downloads.
 */
@Path("/features/training-sets")
@Produces(MediaType.TEXT_HTML)
public class TrainingSetsPage {

    static final int PREVIEW_ROWS = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<FeatureViewVersion> views, String view, List<TrainingSet> sets,
                List<String> problems);

        static native TemplateInstance index$problems(List<String> problems);

        static native TemplateInstance set(TrainingSet set, TrainingSetPreview preview);
    }

    private final TrainingSets sets;
    private final TrainingSetStore store;
    private final FeatureRegistry registry;
    private final TeamAccess access;
    private final RequestAudit request;

    public TrainingSetsPage(TrainingSets sets, TrainingSetStore store, FeatureRegistry registry, TeamAccess access,
            RequestAudit request) {
        this.sets = sets;
        this.store = store;
        this.registry = registry;
        this.access = access;
        this.request = request;
    }

    @GET
    public TemplateInstance index(@QueryParam("view") String view) {
        return Templates.index(registry.list(), view, store.newest(50), List.of());
    }

    @GET
    @Path("/{id}")
    public TemplateInstance set(@PathParam("id") long id) {
        TrainingSet set = store.get(id).orElseThrow(() -> new NotFoundException("no training set " + id));
        return Templates.set(set, store.parquet(id).map(rows -> TrainingSetPreview.of(rows, PREVIEW_ROWS))
                .orElse(null));
    }

    /** Makes a set from the uploaded file; on success htmx goes to its page, otherwise the problems are shown. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file, @RestForm("view") String view,
            @RestForm("time_column") String timeColumn, @RestForm("label_columns") String labelColumns) {
        try {
            String body = file == null ? "" : Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
            String name = file == null ? null : file.fileName();
            String format = name != null && name.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? "json" : "csv";
            TrainingSet set = sets.create(new TrainingSetRequest(view == null ? List.of() : List.of(view), timeColumn,
                    labelColumns == null ? List.of() : List.of(labelColumns), format, name, body), access.caller(),
                    request.remoteAddress());
            return Response.ok().header("HX-Redirect", "/features/training-sets/" + set.id()).build();
        } catch (BadUpload e) {
            return problems(e.problems());
        } catch (NoSuchElementException | FeatureViewConflict e) {
            return problems(List.of(e.getMessage()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return problems(List.of("the file could not be read as UTF-8 text"));
        }
    }

    // 200, so htmx swaps the problems in where the form shows them.
    private static Response problems(List<String> problems) {
        return Response.ok(Templates.index$problems(problems).render(), MediaType.TEXT_HTML).build();
    }
}
