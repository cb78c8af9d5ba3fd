package dev.plumbline.featurestore;

import dev.plumbline.access.Role;
import dev.plumbline.access.TeamAccess;
import dev.plumbline.contract.ChangeRequest;
import dev.plumbline.contract.ConsumerChoices;
import dev.plumbline.contract.ContractCatalog;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The feature registry in the browser: every view with its freshness and serving p99; one view, with a lookup. */
@Path("/features")
@Produces(MediaType.TEXT_HTML)
public class FeaturesPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<ViewRow> rows);

        static native TemplateInstance view(ViewRow row, FeatureViewVersion version, List<VersionRow> versions,
                List<ContractCatalog.ChangeRow> changes, Editing editing, String error, String entity,
                FeatureVector vector, List<DriftRow> drift);
    }

    /** One feature on a view's page: its frozen baseline (or none) and its latest drift reading (or none). */
    public record DriftRow(String feature, FeatureBaseline baseline, FeatureDriftReading reading) {
    }

    /** What this user may change on a view's page: propose a version, roll back to one, its consumer teams. */
    public record Editing(boolean mayPropose, List<String> rollbackTargets, ConsumerChoices consumers) {
    }

    private final FeatureRegistry registry;
    private final OnlineStore online;
    private final FeatureHealth health;
    private final FeatureViewConsumers consumers;
    private final TeamAccess access;
    private final FeatureBaselines baselines;

    public FeaturesPage(FeatureRegistry registry, OnlineStore online, FeatureHealth health,
            FeatureViewConsumers consumers, TeamAccess access, FeatureBaselines baselines) {
        this.registry = registry;
        this.baselines = baselines;
        this.online = online;
        this.health = health;
        this.consumers = consumers;
        this.access = access;
    }

    @GET
    public TemplateInstance index() {
        return Templates.index(registry.list().stream().map(this::row).toList());
    }

    @GET
    @Path("/{name}")
    public TemplateInstance view(@PathParam("name") String name, @QueryParam("version") String version,
            @QueryParam("entity") String entity, @QueryParam("error") String error) {
        FeatureViewVersion found = registry.get(name, version)
                .orElseThrow(() -> new NotFoundException("no feature view " + name));
        boolean lookup = entity != null && !entity.isBlank();
        FeatureVector vector = lookup ? online.one(found, entity.strip()).orElse(null) : null;
        boolean mayEdit = access.may(found.owningTeam(), Role.EDITOR);
        List<VersionRow> versions = versions(name);
        Editing editing = new Editing(mayEdit, !mayEdit ? List.of() : versions.stream()
                .filter(v -> v.status().equals("deprecated")).map(VersionRow::version).toList(),
                ConsumerChoices.of(access.caller(), found.owningTeam(), consumers.of(name)));
        ViewRow row = row(found);
        return Templates.view(row, found, versions, changes(name), editing, error,
                lookup ? entity.strip() : null, vector, drift(found, row.drift()));
    }

    private List<DriftRow> drift(FeatureViewVersion version, ViewDrift drift) {
        Map<String, FeatureBaseline> frozen = baselines.of(version.id()).stream()
                .collect(Collectors.toMap(FeatureBaseline::feature, b -> b));
        Map<String, FeatureDriftReading> readings = drift.readings().stream()
                .collect(Collectors.toMap(FeatureDriftReading::feature, r -> r));
        return version.definition().features().stream().map(f -> new DriftRow(f.name(), frozen.get(f.name()),
                readings.get(f.name()))).toList();
    }

    /** The view's change requests, newest first: new versions and rollbacks. */
    private List<ContractCatalog.ChangeRow> changes(String name) {
        Map<Long, String> versions = registry.versions(name).stream()
                .collect(Collectors.toMap(FeatureViewVersion::id, FeatureViewVersion::version));
        return ChangeRequest.<ChangeRequest>list("subject = ?1 and proposedViewVersionId in ?2 order by id desc",
                ChangeRequest.Subject.FEATURE_VIEW, versions.keySet()).stream()
                .map(c -> new ContractCatalog.ChangeRow(c.id, c.title, c.kind.name().toLowerCase(), c.state.key(),
                        c.impact.key(), versions.get(c.proposedViewVersionId), c.author, c.updatedAt))
                .toList();
    }

    /** Every version, newest first, with the change request that proposed it, if any. */
    private List<VersionRow> versions(String name) {
        List<FeatureViewVersion> versions = registry.versions(name);
        Map<Long, ChangeRequest> proposals = ChangeRequest.<ChangeRequest>list(
                "subject = ?1 and kind = ?2 and proposedViewVersionId in ?3", ChangeRequest.Subject.FEATURE_VIEW,
                ChangeRequest.Kind.CHANGE,
                versions.stream().map(FeatureViewVersion::id).toList()).stream()
                .collect(Collectors.toMap(c -> c.proposedViewVersionId, c -> c, (a, b) -> a));
        List<FeatureViewVersion> newestFirst = new ArrayList<>(versions);
        Collections.reverse(newestFirst);
        return newestFirst.stream().map(v -> {
            ChangeRequest c = proposals.get(v.id());
            return new VersionRow(v.version(), v.status(), c == null ? null : c.id, c == null ? null : c.state.key(),
                    c == null ? null : c.impact.key());
        }).toList();
    }

    private ViewRow row(FeatureViewVersion v) {
        return ViewRow.of(health.of(v), Instant.now());
    }
}
