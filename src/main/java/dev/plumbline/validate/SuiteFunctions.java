package dev.plumbline.validate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The functions a suite parameter expression may call: {@code now()}, {@code datetime()} and {@code timedelta()}. */
final class SuiteFunctions {

    private static final List<String> UNITS = List.of("weeks", "days", "hours", "minutes", "seconds");

    private SuiteFunctions() {
    }

    static Object call(String function, Map<String, BigDecimal> arguments, Clock clock,
            Function<String, IllegalArgumentException> error) {
        return switch (function) {
            case "now" -> {
                requireArguments(function, arguments, List.of(), error);
                yield LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
            }
            case "datetime" -> datetime(arguments, error);
            case "timedelta" -> timedelta(arguments, error);
            default -> throw error.apply("unknown function " + function + "(); expected now, datetime or timedelta");
        };
    }

    private static LocalDateTime datetime(Map<String, BigDecimal> arguments,
            Function<String, IllegalArgumentException> error) {
        requireArguments("datetime", arguments, List.of("0", "1", "2", "3", "4", "5"), error);
        int[] parts = {0, 1, 1, 0, 0, 0};
        arguments.forEach((position, value) -> parts[Integer.parseInt(position)] = value.intValueExact());
        if (arguments.size() < 3) {
            throw error.apply("datetime needs a year, month and day");
        }
        return LocalDateTime.of(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
    }

    private static Duration timedelta(Map<String, BigDecimal> arguments,
            Function<String, IllegalArgumentException> error) {
        Map<String, BigDecimal> named = new LinkedHashMap<>(arguments);
        BigDecimal days = named.remove("0");
        requireArguments("timedelta", named, UNITS, error);
        long[] secondsPerUnit = {604_800, 86_400, 3_600, 60, 1};
        BigDecimal seconds = days == null ? BigDecimal.ZERO : days.multiply(BigDecimal.valueOf(86_400));
        for (int i = 0; i < UNITS.size(); i++) {
            seconds = seconds.add(named.getOrDefault(UNITS.get(i), BigDecimal.ZERO)
                    .multiply(BigDecimal.valueOf(secondsPerUnit[i])));
        }
        return Duration.ofNanos(seconds.movePointRight(9).round(MathContext.DECIMAL64).longValue());
    }

    private static void requireArguments(String function, Map<String, BigDecimal> arguments, List<String> allowed,
            Function<String, IllegalArgumentException> error) {
        if (!allowed.containsAll(arguments.keySet())) {
            throw error.apply(function + "() takes "
                    + (allowed.isEmpty() ? "no arguments" : String.join(", ", allowed)));
        }
    }
}
