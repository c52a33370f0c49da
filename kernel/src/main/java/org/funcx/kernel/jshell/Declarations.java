package org.funcx.kernel.jshell;

import java.util.Optional;
import jdk.jshell.ImportSnippet;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;
import org.funcx.kernel.spi.SnippetInfo;
import org.funcx.kernel.spi.SnippetKind;

/** Describes JShell declaration snippets for magics; statements and expressions are not listed. */
final class Declarations {
  private Declarations() {}

  static Optional<SnippetInfo> describe(Snippet snippet) {
    SnippetKind kind;
    String name;
    if (snippet instanceof ImportSnippet i) {
      kind = SnippetKind.IMPORT;
      name = i.fullname();
    } else if (snippet instanceof MethodSnippet m) {
      kind = SnippetKind.METHOD;
      name = m.name();
    } else if (snippet instanceof TypeDeclSnippet t) {
      kind = SnippetKind.CLASS;
      name = t.name();
    } else if (snippet instanceof VarSnippet v
        && snippet.subKind() != Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
      kind = SnippetKind.VARIABLE;
      name = v.name();
    } else {
      return Optional.empty();
    }
    return Optional.of(new SnippetInfo(snippet.id(), kind, name, snippet.source()));
  }
}
