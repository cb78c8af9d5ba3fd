package dev.plumbline.featurestore;

import dev.plumbline.contract.ChangeRequest;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** The feature registry in the browser: every view with its freshness and serving p99; one view, with a lookup. */
@Path("/features")
@Produces(MediaType.TEXT_HTML)
public class FeaturesPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<ViewRow> rows);

        static native TemplateInstance view(ViewRow row, FeatureViewVersion version, List<VersionRow> versions,
                String entity, FeatureVector vector);
    }

    private final FeatureRegistry registry;
    private final OnlineStore online;
    private final ServingTimer timer;
    private final DataSource dataSource;

    public FeaturesPage(FeatureRegistry registry, OnlineStore online, ServingTimer timer, DataSource dataSource) {
        this.registry = registry;
        this.online = online;
        this.timer = timer;
        this.dataSource = dataSource;
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
        return Templates.view(row(found), found, versions(name), lookup ? entity.strip() : null, vector);
    }

    /** Every version, newest first, with the change request that proposed it, if any. */
    private List<VersionRow> versions(String name) {
        List<FeatureViewVersion> versions = registry.versions(name);
        Map<Long, ChangeRequest> proposals = ChangeRequest.<ChangeRequest>list(
                "subject = ?1 and proposedViewVersionId in ?2", ChangeRequest.Subject.FEATURE_VIEW,
                versions.stream().map(FeatureViewVersion::id).toList()).stream()
                .collect(Collectors.toMap(c -> c.proposedViewVersionId, c -> c, (a, b) -> a));
        List<FeatureViewVersion> newestFirst = new java.util.ArrayList<>(versions);
        java.util.Collections.reverse(newestFirst);
        return newestFirst.stream().map(v -> {
            ChangeRequest c = proposals.get(v.id());
            return new VersionRow(v.version(), v.status(), c == null ? null : c.id, c == null ? null : c.state.key(),
                    c == null ? null : c.impact.key());
        }).toList();
    }

    private ViewRow row(FeatureViewVersion v) {
        Instant newest = newestKnownAt(v.id());
        var sla = v.definition().sla();
        return new ViewRow(v.viewName(), v.owningTeam(), v.version(), v.definition().source(),
                v.definition().features().size(), newest, sla.freshness(),
                newest == null ? null : Duration.between(newest, Instant.now()), timer.p99(v.viewName()),
                sla.servingP99());
    }

    private Instant newestKnownAt(long versionId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT newest_known_at FROM feature_freshness WHERE view_version_id = ?")) {
            s.setLong(1, versionId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getTimestamp(1) != null ? rs.getTimestamp(1).toInstant() : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read feature freshness", e);
        }
    }
}
