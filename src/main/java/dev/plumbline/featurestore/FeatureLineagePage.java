package dev.plumbline.featurestore;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.NoSuchElementException;

/** A feature value's lineage in the browser: the value, then each input event with its run and contract version. */
@Path("/features/{view}/lineage")
@Produces(MediaType.TEXT_HTML)
public class FeatureLineagePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance lineage(FeatureLineage.Traced traced);
    }

    private final FeatureLineage lineage;

    public FeatureLineagePage(FeatureLineage lineage) {
        this.lineage = lineage;
    }

    @GET
    public TemplateInstance page(@PathParam("view") String view, @QueryParam("version") String version,
            @QueryParam("entity") String entity, @QueryParam("feature") String feature,
            @QueryParam("as_of") String asOf) {
        try {
            return Templates.lineage(lineage.trace(view, version, entity, feature, asOf));
        } catch (NoSuchElementException e) {
            throw new NotFoundException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new jakarta.ws.rs.BadRequestException(e.getMessage());
        }
    }
}
