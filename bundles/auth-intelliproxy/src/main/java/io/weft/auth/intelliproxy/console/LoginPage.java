package io.weft.auth.intelliproxy.console;

import org.owasp.encoder.Encode;

/** The console's login form: a page of its own (it is shown before the console's layout is allowed). */
final class LoginPage {

    private LoginPage() {
    }

    static String render(String action, String message) {
        StringBuilder html = new StringBuilder(1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\">")
                .append("<title>Weft console login</title>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<style>body{font-family:sans-serif;background:#f3f3f3}")
                .append("form{max-width:20em;margin:8em auto;padding:2em;background:#fff;border:1px solid #ccc}")
                .append("label,input,button{display:block;width:100%;margin-top:.5em;box-sizing:border-box}")
                .append("p.error{color:#b00}</style></head><body>\n")
                .append("<form id=\"weft-login\" method=\"post\" action=\"").append(escape(action)).append("\">\n")
                .append("<h1>Weft console</h1>\n");
        if (message != null) {
            html.append("<p class=\"error\" id=\"weft-login-error\">").append(escape(message)).append("</p>\n");
        }
        html.append("<label for=\"username\">User</label>")
                .append("<input id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus>\n")
                .append("<label for=\"password\">Password</label>")
                .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\""
                        + " required>\n")
                .append("<button type=\"submit\">Log in</button>\n</form>\n</body></html>\n");
        return html.toString();
    }

    static String escape(String s) {
        return s == null ? "" : Encode.forHtml(s);
    }
}
