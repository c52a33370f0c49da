package org.funcx.kernel.spi;

/** What a JShell declaration snippet declares. */
public enum SnippetKind {
  IMPORT,
  METHOD,
  /** A class, interface, enum, record or annotation type. */
  CLASS,
  VARIABLE
}
