package dev.plumbline.contract;

import dev.plumbline.access.RequestAudit;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** The dataset registry over JSON: list, get, apply (register or update) a dataset, and its first contract. */
@Path("/api/datasets")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {

    /** A dataset as the API shows it. */
    public record DatasetView(String name, String topic, String owningTeam, String activeContractVersion) {
    }

    /** What registering a dataset takes. */
    public record DatasetSpec(String topic, String owningTeam) {
    }

    private final DatasetRegistry registry;
    private final RequestAudit audit;

    public DatasetResource(DatasetRegistry registry, RequestAudit audit) {
        this.registry = registry;
        this.audit = audit;
    }

    @GET
    public List<DatasetView> list() {
        return registry.list().stream().map(this::view).toList();
    }

    @GET
    @Path("/{name}")
    public DatasetView get(@PathParam("name") String name) {
        return registry.get(name).map(this::view).orElseThrow(() -> new NotFoundException("no dataset " + name));
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public DatasetView apply(@PathParam("name") String name, DatasetSpec spec) {
        try {
            Dataset dataset = registry.apply(name, spec == null ? null : spec.topic(),
                    spec == null ? null : spec.owningTeam());
            audit.record("dataset.registered", "dataset", name,
                    Map.of("topic", dataset.topic, "owningTeam", dataset.owningTeam));
            return view(dataset);
        } catch (IllegalArgumentException e) {
            throw new WebApplicationException(Response.status(400).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", e.getMessage())).build());
        }
    }

    /**
     * Gives a dataset its first contract (ODCS YAML), active at once; refused with every problem, by line and
     * field, when the contract is invalid, and with 409 once the dataset has a contract: later versions go
     * through a reviewed change.
     */
    @PUT
    @Path("/{name}/contract")
    @Consumes({"application/yaml", "text/yaml", MediaType.TEXT_PLAIN})
    public Response activateFirstContract(@PathParam("name") String name, String odcsYaml) {
        Dataset dataset = registry.get(name).orElseThrow(() -> new NotFoundException("no dataset " + name));
        boolean first = registry.activeVersion(dataset.id).isEmpty();
        try {
            ContractVersion version = registry.activateFirstContract(name, odcsYaml, audit.actor());
            if (first) {
                audit.record("contract.activated", "dataset", name, Map.of("version", version.version));
            }
            return Response.status(Response.Status.CREATED).entity(get(name)).build();
        } catch (InvalidContractException e) {
            return Response.status(400).entity(Map.of("error", "the contract is invalid", "problems", e.problems()))
                    .build();
        } catch (IllegalStateException e) {
            return Response.status(409).entity(Map.of("error", e.getMessage())).build();
        }
    }

    private DatasetView view(Dataset d) {
        return new DatasetView(d.name, d.topic, d.owningTeam, registry.activeVersion(d.id).orElse(null));
    }
}
