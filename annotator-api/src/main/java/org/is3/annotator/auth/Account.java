package org.is3.annotator.auth;

/** An annotator account as requests see it (never its password hash). */
public record Account(long id, String name, Role role) {
}
