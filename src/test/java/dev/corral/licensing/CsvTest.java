package dev.corral.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corral.base.Csv;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The export as spreadsheets read it, with formulas neutralised. */
class CsvTest {

    @Test
    void cellsAThatSpreadsheetWouldRunAsAFormulaAreNeutralised() {
        assertThat(Csv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(Csv.cell("+1+1")).isEqualTo("'+1+1");
        assertThat(Csv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\tcmd")).isEqualTo("'\tcmd");
    }

    @Test
    void numbersNegativeOnesIncludedStayNumbers() {
        assertThat(Csv.cell(-1)).isEqualTo("-1");
        assertThat(Csv.cell(4)).isEqualTo("4");
    }

    @Test
    void rowsQuoteWhatNeedsQuotingAndEndInCrLf() {
        assertThat(Csv.row(Arrays.asList("br-hv01", "Branch, east", null, "say \"hi\"")))
                .isEqualTo("br-hv01,\"Branch, east\",,\"say \"\"hi\"\"\"\r\n");
    }
}
