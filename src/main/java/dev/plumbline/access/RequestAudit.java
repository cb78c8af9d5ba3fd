package dev.plumbline.access;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.Map;

/** Records to the audit log on behalf of this request's user, from this request's remote address. */
@RequestScoped
public class RequestAudit {

    private final AuditLog log;
    private final SecurityIdentity identity;
    private final RoutingContext routing;

    public RequestAudit(AuditLog log, SecurityIdentity identity, RoutingContext routing) {
        this.log = log;
        this.identity = identity;
        this.routing = routing;
    }

    /** The user name of whoever makes this request. */
    public String actor() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The address this request came from. */
    public String remoteAddress() {
        return routing.request().remoteAddress().hostAddress();
    }

    public void record(String action, String subjectType, String subjectId, Map<String, ?> details) {
        log.record(actor(), action, subjectType, subjectId, details, remoteAddress());
    }
}
