package org.funcx.service.auth;

import org.owasp.encoder.Encode;

/** The HTML of the device approval and sign-in pages: one form, no scripts, every value escaped. */
final class ApprovalPage {
  private ApprovalPage() {}

  static String form(String userCode, String message) {
    return page(
        "Approve a funcX login",
        (message == null ? "" : "<p class=\"message\">" + escape(message) + "</p>")
            + "<p>A notebook or command line asks to act as you on this funcX service. Check that the"
            + " code matches the one it shows, then sign in to approve.</p>"
            + "<form method=\"post\" action=\"device\">"
            + "<label>Code <input name=\"user_code\" id=\"user_code\" value=\""
            + escape(userCode)
            + "\" autocomplete=\"off\"></label>"
            + "<label>User <input name=\"username\" id=\"username\" autocomplete=\"username\"></label>"
            + "<label>Password <input name=\"password\" id=\"password\" type=\"password\""
            + " autocomplete=\"current-password\"></label>"
            + "<button name=\"action\" value=\"approve\" id=\"approve\">Approve</button> "
            + "<button name=\"action\" value=\"deny\" id=\"deny\">Deny</button></form>");
  }

  /**
   * The sign-in page of the authorization code flow: the request's parameters ride along as
   * hidden fields, so the form's answer is checked exactly as the request was.
   */
  static String signIn(java.util.Map<String, String> request, String message) {
    StringBuilder hidden = new StringBuilder();
    request.forEach(
        (name, value) ->
            hidden
                .append("<input type=\"hidden\" name=\"")
                .append(escape(name))
                .append("\" value=\"")
                .append(escape(value))
                .append("\">"));
    return page(
        "Sign in to funcX",
        (message == null ? "" : "<p class=\"message\" id=\"message\">" + escape(message) + "</p>")
            + "<p>The funcX dashboard asks to show your endpoints and tasks.</p>"
            + "<form method=\"post\" action=\"authorize\">"
            + hidden
            + "<label>User <input name=\"username\" id=\"username\" autocomplete=\"username\"></label>"
            + "<label>Password <input name=\"password\" id=\"password\" type=\"password\""
            + " autocomplete=\"current-password\"></label>"
            + "<button id=\"sign-in\">Sign in</button></form>");
  }

  static String done(String text) {
    return page("funcX login", "<p class=\"result\" id=\"result\">" + escape(text) + "</p>");
  }

  private static String page(String title, String body) {
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>"
        + escape(title)
        + "</title><style>body{font-family:sans-serif;max-width:32em;margin:3em auto}"
        + "label{display:block;margin:.6em 0}input{margin-left:.5em}.message{color:#a00}</style>"
        + "</head><body><h1>"
        + escape(title)
        + "</h1>"
        + body
        + "</body></html>";
  }

  /** Text for element content and quoted attribute values; null is empty. */
  private static String escape(String s) {
    return s == null ? "" : Encode.forHtml(s);
  }
}
