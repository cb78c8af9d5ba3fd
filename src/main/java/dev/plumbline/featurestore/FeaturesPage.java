package dev.plumbline.featurestore;

import dev.plumbline.transform.FeatureVector;
import dev.plumbline.transform.FeatureViewVersion;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** The feature registry in the browser: every view with its freshness and serving p99; one view, with a lookup. */
@Path("/features")
@Produces(MediaType.TEXT_HTML)
public class FeaturesPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<ViewRow> rows);

        static native TemplateInstance view(ViewRow row, FeatureViewVersion version, List<String> versions,
                String entity, FeatureVector vector);
    }

    private final FeatureRegistry registry;
    private final OnlineStore online;
    private final FeatureHealth health;

    public FeaturesPage(FeatureRegistry registry, OnlineStore online, FeatureHealth health) {
        this.registry = registry;
        this.online = online;
        this.health = health;
    }

    @GET
    public TemplateInstance index() {
        return Templates.index(registry.list().stream().map(this::row).toList());
    }

    @GET
    @Path("/{name}")
    public TemplateInstance view(@PathParam("name") String name, @QueryParam("version") String version,
            @QueryParam("entity") String entity) {
        FeatureViewVersion found = registry.get(name, version)
                .orElseThrow(() -> new NotFoundException("no feature view " + name));
        boolean lookup = entity != null && !entity.isBlank();
        FeatureVector vector = lookup ? online.one(found, entity.strip()).orElse(null) : null;
        return Templates.view(row(found), found, registry.versions(name).stream().map(FeatureViewVersion::version)
                .toList(), lookup ? entity.strip() : null, vector);
    }

    private ViewRow row(FeatureViewVersion v) {
        return ViewRow.of(health.of(v), Instant.now());
    }
}
