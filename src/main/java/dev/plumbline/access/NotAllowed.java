package dev.plumbline.access;

/** An action the caller may not take, with the reason in words; pages and APIs answer it with 403. */
public class NotAllowed extends RuntimeException {

    public NotAllowed(String reason) {
        super(reason);
    }
}
