package dev.plumbline.access;

/** A token just created: the only moment its secret value exists outside the caller's hands. */
public record IssuedToken(long id, String name, String token) {
}
