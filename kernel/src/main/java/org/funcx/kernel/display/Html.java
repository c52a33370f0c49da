package org.funcx.kernel.display;

/**
 * A value shown as HTML, with a plain-text form for consoles and {@code jupyter execute} readers.
 * Magics return it for tables; cells can create one with {@code html("...")}.
 */
public record Html(String html, String text) {
  public Html {
    if (html == null) throw new IllegalArgumentException("html is required");
    if (text == null) text = html;
  }

  public Html(String html) {
    this(html, null);
  }

  @Override
  public String toString() {
    return text;
  }
}
