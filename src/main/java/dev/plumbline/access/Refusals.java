package dev.plumbline.access;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers an action the caller may not take with 403 and the reason: JSON to API clients, text to browsers; and
 * sees a browser's form on, back to its page with the reason when the action is refused.
 */
public class Refusals {

    /**
     * Runs a form's action and redirects: to where the action says (or back to the page when it says nothing),
     * or back to the page with {@code ?error=} and the reason the action was refused.
     */
    public static Response seeOther(String page, Supplier<String> action) {
        try {
            String next = action.get();
            return Response.seeOther(URI.create(next == null ? page : next)).build();
        } catch (IllegalArgumentException | IllegalStateException | NoSuchElementException | NotAllowed e) {
            return Response.seeOther(URI.create(page + "?error="
                    + URLEncoder.encode(e.getMessage(), StandardCharsets.UTF_8))).build();
        }
    }

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
