package dev.corral.sprawl.ui;

import dev.corral.sprawl.FindingKind;
import dev.corral.sprawl.SprawlTrend;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * The sprawl trend as an inline SVG drawn on the server: VMs and open findings per day, one line
 * each on a shared axis, a point per day with the day's figures as its tooltip. No script, no
 * commercial component; it scales with its container.
 */
final class TrendChart {

    static final int WIDTH = 560;
    static final int HEIGHT = 220;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 36;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private TrendChart() {
    }

    /** The chart for these days (oldest first); an empty list gives an empty frame with a message. */
    static String svg(List<SprawlTrend.Day> days) {
        return svg(days, null);
    }

    /** @param emptyText what an empty chart says (null: that the first scan writes the record) */
    static String svg(List<SprawlTrend.Day> days, String emptyText) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"corral-sprawl-chart\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(escape(summary(days))).append("\">");
        int max = Math.max(1, days.stream().mapToInt(d -> Math.max(d.vms(), d.findingsTotal())).max().orElse(1));
        int top = Math.max(4, niceCeiling(max));
        axes(svg, top);
        if (days.isEmpty()) {
            svg.append("<text class=\"empty\" x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2)
                    .append("\" text-anchor=\"middle\">").append(escape(emptyText == null
                            ? "No daily record yet: the first scan writes one." : emptyText)).append("</text>");
        } else {
            series(svg, days, top, SprawlTrend.Day::vms, "vms");
            series(svg, days, top, SprawlTrend.Day::findingsTotal, "findings");
            labels(svg, days);
        }
        legend(svg);
        return svg.append("</svg>").toString();
    }

    private static void axes(StringBuilder svg, int top) {
        int plotBottom = HEIGHT - BOTTOM;
        for (int i = 0; i <= 4; i++) {
            int value = top * i / 4;
            double y = y(value, top);
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>");
            svg.append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\">").append(String.format(Locale.ROOT, "%,d", value)).append("</text>");
        }
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                .append(plotBottom).append("\" y2=\"").append(plotBottom).append("\"/>");
    }

    private static void series(StringBuilder svg, List<SprawlTrend.Day> days, int top, ToIntFunction<SprawlTrend.Day> value,
            String name) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < days.size(); i++) {
            points.append(i == 0 ? "" : " ").append(fmt(x(i, days.size()))).append(',')
                    .append(fmt(y(value.applyAsInt(days.get(i)), top)));
        }
        if (days.size() > 1) {
            svg.append("<polyline class=\"line ").append(name).append("\" fill=\"none\" points=\"").append(points)
                    .append("\"/>");
        }
        for (int i = 0; i < days.size(); i++) {
            SprawlTrend.Day day = days.get(i);
            svg.append("<circle class=\"point ").append(name).append("\" r=\"3.5\" cx=\"").append(fmt(x(i, days.size())))
                    .append("\" cy=\"").append(fmt(y(value.applyAsInt(day), top))).append("\"><title>")
                    .append(escape(tooltip(day))).append("</title></circle>");
        }
    }

    private static void labels(StringBuilder svg, List<SprawlTrend.Day> days) {
        int step = Math.max(1, (int) Math.ceil(days.size() / 8.0));
        for (int i = 0; i < days.size(); i += step) {
            svg.append("<text class=\"tick\" x=\"").append(fmt(x(i, days.size()))).append("\" y=\"")
                    .append(HEIGHT - BOTTOM + 16).append("\" text-anchor=\"middle\">")
                    .append(DAY.format(days.get(i).day())).append("</text>");
        }
    }

    private static void legend(StringBuilder svg) {
        int y = HEIGHT - 6;
        svg.append("<circle class=\"point vms\" r=\"4\" cx=\"").append(LEFT + 4).append("\" cy=\"").append(y - 4).append("\"/>")
                .append("<text class=\"legend\" x=\"").append(LEFT + 12).append("\" y=\"").append(y).append("\">VMs</text>")
                .append("<circle class=\"point findings\" r=\"4\" cx=\"").append(LEFT + 64).append("\" cy=\"").append(y - 4)
                .append("\"/>").append("<text class=\"legend\" x=\"").append(LEFT + 72).append("\" y=\"").append(y)
                .append("\">Open findings</text>");
    }

    static String tooltip(SprawlTrend.Day day) {
        StringBuilder text = new StringBuilder(day.day().toString()).append(": ").append(day.vms()).append(" VMs, ")
                .append(day.findingsTotal()).append(" open findings");
        for (FindingKind kind : FindingKind.values()) {
            int count = day.findings().getOrDefault(kind, 0);
            if (count > 0) {
                text.append("; ").append(kind.counted(count));
            }
        }
        return text.toString();
    }

    private static String summary(List<SprawlTrend.Day> days) {
        if (days.isEmpty()) {
            return "Sprawl trend: no daily record yet.";
        }
        SprawlTrend.Day last = days.getLast();
        return "Sprawl trend over " + days.size() + " day" + (days.size() == 1 ? "" : "s") + "; latest " + tooltip(last);
    }

    private static double x(int index, int count) {
        double width = WIDTH - LEFT - RIGHT - 24;
        return count <= 1 ? LEFT + 12 + width / 2 : LEFT + 12 + width * index / (count - 1);
    }

    private static double y(int value, int top) {
        double height = HEIGHT - TOP - BOTTOM;
        return TOP + height - height * value / top;
    }

    /** 1, 2, 5 times a power of ten, at least the value. */
    static int niceCeiling(int value) {
        int magnitude = 1;
        while (magnitude * 10 <= value) {
            magnitude *= 10;
        }
        for (int factor : new int[] {1, 2, 4, 5, 10}) {
            if (magnitude * factor >= value) {
                return magnitude * factor;
            }
        }
        return magnitude * 10;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
