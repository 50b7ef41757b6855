package dev.corral.sprawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.base.Csv;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The CSV the exports write: formula cells neutralised, numbers kept, quoting as RFC 4180. */
class CsvTest {

    @Test
    void cellsASpreadsheetWouldRunAsFormulasGetAnApostrophe() {
        assertThat(Csv.cell("=SUM(A1:A9)")).isEqualTo("'=SUM(A1:A9)");
        assertThat(Csv.cell("+cmd")).isEqualTo("'+cmd");
        assertThat(Csv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(Csv.cell("@import")).isEqualTo("'@import");
        assertThat(Csv.cell("\tTAB")).isEqualTo("'\tTAB");
        assertThat(Csv.cell("\rCR")).isEqualTo("\"'\rCR\"");
    }

    @Test
    void numbersAndPlainTextStayAsTheyAre() {
        assertThat(Csv.cell("-42")).isEqualTo("-42");
        assertThat(Csv.cell("-1.5")).isEqualTo("-1.5");
        assertThat(Csv.cell(1024L)).isEqualTo("1024");
        assertThat(Csv.cell("br-file01")).isEqualTo("br-file01");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertThat(Csv.row(Arrays.asList("a,b", "say \"hi\"", "two\nlines", null))).isEqualTo(
                "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
        assertThat(Csv.cell("=x,y")).isEqualTo("\"'=x,y\"");
    }
}
