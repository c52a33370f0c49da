package org.funcx.kernel.spi;

/**
 * One active declaration of the user's JShell.
 *
 * @param id JShell's snippet id
 * @param kind what the snippet declares
 * @param name the declared name: simple name of a method, class or variable; for imports the
 *     imported name as written, e.g. {@code java.util.List} or {@code java.util.*}
 * @param source the snippet's source as the user wrote it
 */
public record SnippetInfo(String id, SnippetKind kind, String name, String source) {}
