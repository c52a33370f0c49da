package org.funcx.kernel.jshell;

/** The value of an expression the user evaluated; {@code value} may be null. */
public record SnippetValue(Object value) {}
