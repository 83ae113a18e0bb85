package org.phenoloc.engine.report;

import java.util.List;
import java.util.Locale;

/** A Markdown document builder with a plain HTML rendering of the same content (tables, headings, images). */
public final class Markdown {
    private final StringBuilder md = new StringBuilder();
    private final StringBuilder html = new StringBuilder();

    public Markdown heading(int level, String text) {
        md.append("#".repeat(level)).append(' ').append(text).append("\n\n");
        html.append("<h").append(level).append('>').append(esc(text)).append("</h").append(level).append(">\n");
        return this;
    }

    public Markdown paragraph(String text) {
        md.append(text).append("\n\n");
        html.append("<p>").append(esc(text)).append("</p>\n");
        return this;
    }

    public Markdown table(List<String> header, List<List<String>> rows) {
        md.append("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> md.append("---|"));
        md.append('\n');
        // a '|' inside a cell would end it
        rows.forEach(r -> md.append("| ").append(String.join(" | ", r.stream().map(c -> c.replace("|", "\\|")).toList()))
                .append(" |\n"));
        md.append('\n');
        html.append("<table><tr>");
        header.forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
        html.append("</tr>\n");
        for (List<String> r : rows) {
            html.append("<tr>");
            r.forEach(c -> html.append("<td>").append(esc(c)).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</table>\n");
        return this;
    }

    public Markdown image(String alt, String path) {
        md.append("![").append(alt).append("](").append(path).append(")\n\n");
        html.append("<p><img alt=\"").append(esc(alt)).append("\" src=\"").append(esc(path))
                .append("\" style=\"max-width:100%\"></p>\n");
        return this;
    }

    /** Appends already-formatted Markdown (e.g. a table from the evaluation package); shown preformatted in HTML. */
    public Markdown raw(String markdown) {
        md.append(markdown).append("\n");
        html.append("<pre>").append(esc(markdown)).append("</pre>\n");
        return this;
    }

    public String markdown() {
        return md.toString();
    }

    public String html(String title) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title><style>"
                + "body{font-family:sans-serif;max-width:1100px;margin:2em auto}table{border-collapse:collapse}"
                + "td,th{border:1px solid #aaa;padding:3px 8px;text-align:right}</style></head><body>\n" + html
                + "</body></html>\n";
    }

    public static String f(String fmt, Object... args) {
        return String.format(Locale.ROOT, fmt, args);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
