package dev.plumbline.monitor.rules;

/** An alert that started firing or resolved at an evaluation. */
public record AlertChange(Alert alert, AlertState to) {
}
