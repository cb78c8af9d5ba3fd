package dev.plumbline.validate;

/** A contract rule Plumbline cannot run, with a message saying what it expects instead. */
final class UnrunnableRule extends RuntimeException {

    UnrunnableRule(String message) {
        super(message, null, false, false);
    }
}
