package dev.corral.sprawl.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.sprawl.FindingKind;
import dev.corral.sprawl.SprawlTrend;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** The trend chart's SVG: well-formed, one point per day and series, the figures in its tooltips. */
class TrendChartTest {

    @Test
    void drawsALineAndAPointPerDayForVmsAndFindings() throws Exception {
        List<SprawlTrend.Day> days = List.of(
                new SprawlTrend.Day(LocalDate.parse("2026-06-01"), 40, Map.of(FindingKind.UNMANAGED, 3, FindingKind.IDLE, 2)),
                new SprawlTrend.Day(LocalDate.parse("2026-06-02"), 42, Map.of(FindingKind.UNMANAGED, 1)),
                new SprawlTrend.Day(LocalDate.parse("2026-06-03"), 45, Map.of()));

        String svg = TrendChart.svg(days);

        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new java.io.ByteArrayInputStream(svg.getBytes()));
        assertThat(svg).containsOnlyOnce("<polyline class=\"line vms\"").containsOnlyOnce("<polyline class=\"line findings\"");
        assertThat(svg.split("<circle class=\"point vms\"", -1)).hasSize(days.size() + 2); // plus the legend's
        assertThat(svg).contains("<title>2026-06-01: 40 VMs, 5 open findings; 3 unmanaged VMs; 2 idle VMs</title>");
        assertThat(svg).contains(">1 Jun<").contains(">3 Jun<").contains("aria-label=\"Sprawl trend over 3 days;");
    }

    @Test
    void withoutARecordItSaysSoAndWithOneDayItDrawsPoints() {
        assertThat(TrendChart.svg(List.of())).contains("No daily record yet").doesNotContain("<polyline");
        String one = TrendChart.svg(List.of(new SprawlTrend.Day(LocalDate.parse("2026-06-01"), 12, Map.of())));
        assertThat(one).doesNotContain("<polyline").contains("<circle class=\"point vms\" r=\"3.5\"");
    }

    @Test
    void theAxisEndsAtARoundNumberAndTextIsEscaped() {
        assertThat(TrendChart.niceCeiling(1)).isEqualTo(1);
        assertThat(TrendChart.niceCeiling(15)).isEqualTo(20);
        assertThat(TrendChart.niceCeiling(33)).isEqualTo(40);
        assertThat(TrendChart.niceCeiling(45_000)).isEqualTo(50_000);
        assertThat(TrendChart.escape("<a & \"b\">")).isEqualTo("&lt;a &amp; &quot;b&quot;&gt;");
    }
}
