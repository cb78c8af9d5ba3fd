package dev.plumbline.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per user name and per remote address over a sliding window and refuses further
 * attempts once either reaches its limit, until the oldest failure leaves the window. In memory: each
 * replica counts its own attempts, and a restart forgets them.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final int PRUNE_ABOVE = 10_000;

    private final AccessConfig.Login config;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    @Inject
    public LoginThrottle(AccessConfig config) {
        this(config.login(), Clock.systemUTC());
    }

    LoginThrottle(AccessConfig.Login config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Whether an attempt for this user name from this address must be refused without checking it. */
    public boolean isLocked(String username, String address) {
        return count(userKey(username)) >= config.maxFailuresPerUser()
                || count(addressKey(address)) >= config.maxFailuresPerAddress();
    }

    /** Records a wrong password (or unknown user) for both the user name and the address. */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        for (String key : new String[] {userKey(username), addressKey(address)}) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(now);
            }
        }
        if (failures.size() > PRUNE_ABOVE) {
            failures.keySet().removeIf(key -> count(key) == 0);
        }
    }

    /** A successful sign-in clears the user name's failures; the address keeps its count. */
    public void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private int count(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        Instant horizon = clock.instant().minus(config.window());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
                times.removeFirst();
            }
            return times.size();
        }
    }

    private static String userKey(String username) {
        return "user:" + username.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
