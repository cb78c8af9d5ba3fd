package dev.plumbline.access;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers an action the caller may not take with 403 and the reason: JSON to API clients, text to browsers. */
public class Refusals {

    @ServerExceptionMapper
    public Response notAllowed(NotAllowed refusal, HttpHeaders headers) {
        boolean json = headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType());
        return json
                ? Response.status(403).type(MediaType.APPLICATION_JSON).entity(Map.of("error", refusal.getMessage()))
                        .build()
                : Response.status(403).type(MediaType.TEXT_PLAIN).entity(refusal.getMessage()).build();
    }
}
